"""Peer for `borderlens bench startup`: the same whole-area map drawn with
Mapnik 3.1 (python3-mapnik) the way its users do, from an XML style: the
layers borderlens draws at this scale (Lao provinces and districts, the
Vietnamese provinces of the shown system), in the working CRS, framed on
Laos, filled and outlined by level, with unit labels, saved as PNG.
Usage: peer_mapnik.py OUT.png WIDTH HEIGHT PROJ_STRING LAYER_SPEC...
where each LAYER_SPEC is FILE|GDAL_LAYER|LEVEL|COUNTRY|NAME_FIELD."""
import sys
from xml.sax.saxutils import escape, quoteattr

import mapnik

out, width, height, srs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
specs = [s.split("|") for s in sys.argv[5:]]

mapnik.register_fonts("/usr/share/fonts/truetype/noto/")

LOOK = {  # fill, outline, width, label size, label colour (close to borderlens's palette)
    ("province", "VN"): ("#f8dfc0", "#8c4a1c", 1.4, 13, "#73300d"),
    ("province", "LA"): ("#cfe8cf", "#1f5e35", 1.4, 13, "#0d5229"),
    ("district", "VN"): (None, "#9a9a9a", 0.6, 10, "#383838"),
    ("district", "LA"): (None, "#8fae96", 0.6, 10, "#383838"),
}

def datasource(path, gdal_layer):
    return (f'<Datasource><Parameter name="type">ogr</Parameter><Parameter name="file">{escape(path)}</Parameter>'
            f'<Parameter name="layer">{escape(gdal_layer)}</Parameter></Datasource>')


# Drawn as borderlens draws: province fills, then district outlines and
# names, then province outlines and names on top.
styles, fills, districts, provinces = [], [], [], []
for i, (path, gdal_layer, level, country, name_field) in enumerate(specs):
    fill, line, w, size, colour = LOOK[(level, country)]
    face = "Noto Sans Bold" if level == "province" else "Noto Sans Regular"
    lines = (
        f'<LineSymbolizer stroke="{line}" stroke-width="{w}"/>'
        f'<TextSymbolizer face-name="{face}" size="{size}" fill="{colour}" halo-fill="rgba(255,255,255,0.7)" '
        f'halo-radius="1" placement="interior" avoid-edges="true">[{escape(name_field)}]</TextSymbolizer>'
    )
    styles.append(f'<Style name="lines{i}"><Rule>{lines}</Rule></Style>')
    layer = f'<Layer name="l{i}" srs="+proj=longlat +datum=WGS84 +no_defs"><StyleName>lines{i}</StyleName>{datasource(path, gdal_layer)}</Layer>'
    (provinces if level == "province" else districts).append(layer)
    if fill:
        styles.append(f'<Style name="fill{i}"><Rule><PolygonSymbolizer fill="{fill}"/></Rule></Style>')
        fills.append(f'<Layer name="f{i}" srs="+proj=longlat +datum=WGS84 +no_defs"><StyleName>fill{i}</StyleName>'
                     f'{datasource(path, gdal_layer)}</Layer>')
xml = f'<Map srs={quoteattr(srs)} background-color="#e6ecf5">' + "".join(styles + fills + districts + provinces) + "</Map>"
m = mapnik.Map(width, height)
mapnik.load_map_from_string(m, xml)
# Framed on Laos: the Lao provinces' extent in the working CRS.
lao_file = next(s[0] for s in specs if s[2] == "province" and s[3] == "LA")
lao = next(l for l in m.layers if l.datasource.params().get("file") == lao_file)
box = mapnik.ProjTransform(mapnik.Projection(lao.srs), mapnik.Projection(srs)).forward(lao.envelope())
m.zoom_to_box(box)
mapnik.render_to_file(m, out, "png")
print(out)

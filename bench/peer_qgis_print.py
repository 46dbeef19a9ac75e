"""Peer for `borderlens bench export`: the same annotated map exported with
QGIS 3.22 (python3-qgis) the way its users do it, from a print layout: a
title, a map item in the working CRS framed on each given frame, a legend, a
scale bar in km, a north arrow and an attribution line, exported to a vector
PDF at 300 dpi with text kept as text. Several frames make one multi-page PDF
through the layout's atlas (a memory coverage layer of the frame rectangles),
one page per frame; a frame may name the layers its page draws (as the
pages of borderlens's atlas differ: the overview shows only provinces), and
the map item takes them from the atlas feature (a data-defined layer list).
Usage: peer_qgis_print.py [--title TEXT] [--attribution TEXT]
           OUT.pdf PAGE_W_MM PAGE_H_MM PROJ_STRING FRAMES LAYER_SPEC...
where FRAMES is XMIN,YMIN,XMAX,YMAX[:I,J...][;XMIN,YMIN,XMAX,YMAX[:I,J...]...]
in the CRS's metres, I,J... the 0-based positions of the LAYER_SPECs the
page draws (none given: all), and each LAYER_SPEC is
FILE|GDAL_LAYER|LEVEL|COUNTRY|NAME_FIELD.
Prints "OUT.pdf PAGES" and exits 0; on failure, a message on stderr and 1.
Run with /usr/bin/python3 (Debian's QGIS); the caller times the process."""
import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"
if not os.environ.get("XDG_RUNTIME_DIR"):  # Qt's own default, made here so it does not warn on every run
    runtime = f"/tmp/runtime-{os.getuid()}"
    os.makedirs(runtime, mode=0o700, exist_ok=True)
    os.environ["XDG_RUNTIME_DIR"] = runtime


def die(msg):
    sys.stdout.flush()
    sys.stderr.write(f"peer_qgis_print: {msg}\n")
    sys.stderr.flush()
    os._exit(1)


# ---- arguments -------------------------------------------------------------
args = sys.argv[1:]
title = "Viet Nam \u2013 Laos border area"
attribution = ("Boundaries: geoBoundaries / NGD Lao PDR / OCHA (CC BY 3.0 IGO); "
               "dvhcvn / Government of Viet Nam; vietnamese-provinces-database (MIT)")
while args and args[0] in ("--title", "--attribution"):
    if len(args) < 2:
        die(f"{args[0]} needs a value")
    if args[0] == "--title":
        title = args[1]
    else:
        attribution = args[1]
    args = args[2:]
if len(args) < 6:
    die("usage: peer_qgis_print.py [--title T] [--attribution T] OUT.pdf PAGE_W_MM PAGE_H_MM PROJ FRAMES LAYER_SPEC...")
out, proj = args[0], args[3]
try:
    page_w, page_h = float(args[1]), float(args[2])
    frames, frame_layers = [], []  # frame_layers[i]: the spec positions page i draws, None = all
    for f in args[4].split(";"):
        if f.strip():
            box, _, shown = f.partition(":")
            xmin, ymin, xmax, ymax = (float(v) for v in box.split(","))
            frames.append((xmin, ymin, xmax, ymax))
            frame_layers.append({int(v) for v in shown.split(",")} if shown.strip() else None)
except ValueError as e:
    die(f"bad page size or frame: {e}")
if not frames:
    die("no frame given")
specs = []
for s in args[5:]:
    parts = s.split("|")
    if len(parts) != 5:
        die(f"bad layer spec (want FILE|GDAL_LAYER|LEVEL|COUNTRY|NAME_FIELD): {s}")
    specs.append(parts)
for shown in frame_layers:
    if shown is not None and not all(0 <= i < len(specs) for i in shown):
        die(f"a frame names a layer beyond the {len(specs)} given: {sorted(shown)}")

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsFeature, QgsFillSymbol, QgsGeometry,  # noqa: E402
                       QgsLayoutExporter, QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap,
                       QgsLayoutItemPicture, QgsLayoutItemScaleBar, QgsLayoutMeasurement, QgsLayoutObject, QgsLayoutPoint,
                       QgsLayoutSize, QgsLegendStyle, QgsPalLayerSettings, QgsPrintLayout, QgsProject, QgsProperty,
                       QgsRectangle, QgsRenderContext, QgsScaleBarSettings, QgsTextBufferSettings, QgsTextFormat,
                       QgsUnitTypes, QgsVectorLayer, QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtCore import Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

QgsApplication.setPrefixPath("/usr", True)
qgs = QgsApplication([], False)
qgs.initQgis()

FONT = "Noto Sans"
MM = QgsUnitTypes.LayoutMillimeters
# fill, outline, outline width (mm), label size (pt), label colour; close to borderlens's palette
LOOK = {
    ("province", "VN"): ("#f8dfc0", "#8c4a1c", 0.5, 9.0, "#73300d"),
    ("province", "LA"): ("#cfe8cf", "#1f5e35", 0.5, 9.0, "#0d5229"),
    ("district", "VN"): (None, "#9a9a9a", 0.18, 6.0, "#383838"),
    ("district", "LA"): (None, "#8fae96", 0.18, 6.0, "#383838"),
    ("commune", "VN"): (None, "#b4b4b4", 0.1, 4.5, "#4a4a4a"),
    ("commune", "LA"): (None, "#b0c8b5", 0.1, 4.5, "#4a4a4a"),
}
COUNTRY = {"VN": "Viet Nam", "LA": "Laos"}


def qfont(size_pt, bold=False):
    f = QFont(FONT)
    f.setPointSizeF(size_pt)
    f.setBold(bold)
    return f


def text_format(size_pt, colour, bold=False, halo=False):
    fmt = QgsTextFormat()
    fmt.setFont(qfont(size_pt, bold))  # an explicit family: offscreen labels need it
    fmt.setNamedStyle("Bold" if bold else "Regular")
    fmt.setSize(size_pt)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(QColor(colour))
    if halo:
        buf = QgsTextBufferSettings()
        buf.setEnabled(True)
        buf.setSize(0.6)
        buf.setSizeUnit(QgsUnitTypes.RenderMillimeters)
        buf.setColor(QColor("#ffffff"))
        buf.setOpacity(0.7)
        fmt.setBuffer(buf)
    return fmt


def open_layer(path, gdal_layer, name):
    lyr = QgsVectorLayer(f"{path}|layername={gdal_layer}", name, "ogr")
    if not lyr.isValid():
        die(f"cannot open {path} (layer {gdal_layer})")
    return lyr


def set_labels(lyr, field, level, colour, size):
    pal = QgsPalLayerSettings()
    pal.fieldName = field
    pal.placement = QgsPalLayerSettings.OverPoint
    pal.centroidInside = True
    pal.priority = 10 if level == "province" else (6 if level == "district" else 3)
    pal.setFormat(text_format(size, colour, bold=(level == "province"), halo=True))
    lyr.setLabeling(QgsVectorLayerSimpleLabeling(pal))
    lyr.setLabelsEnabled(True)


try:
    crs = QgsCoordinateReferenceSystem.fromProj(proj)
    if not crs.isValid():
        die(f"invalid PROJ string: {proj}")
    project = QgsProject.instance()
    project.setCrs(crs)

    # Drawn as borderlens draws: province fills, then lower-level outlines and
    # names, then province outlines and names on top. A QGIS user gets that
    # with each province file loaded twice: filled at the bottom (the legend
    # entry) and outline-only with labels on top.
    # Layer names are unique: a page's data-defined layer list names them.
    fills, lower, tops, legend_layers = [], [], [], []
    spec_of = {}  # QGIS layer id -> position of its LAYER_SPEC
    names = set()
    for index, (path, gdal_layer, level, country, field) in enumerate(specs):
        look = LOOK.get((level, country))
        if look is None:
            die(f"unknown level/country: {level} {country}")
        fill, line, width, size, colour = look
        name = f"{COUNTRY.get(country, country)} {level}s"
        if name in names:
            name += f" ({gdal_layer})"
        names.add(name)
        lyr = open_layer(path, gdal_layer, name)
        spec_of[lyr.id()] = index
        sym = {"color": fill or "0,0,0,0", "style": "solid" if fill else "no",
               "outline_color": line, "outline_width": str(width), "outline_width_unit": "MM",
               "joinstyle": "round"}
        lyr.renderer().setSymbol(QgsFillSymbol.createSimple(sym))
        legend_layers.append(lyr)
        if level == "province":
            fills.append(lyr)
            top = open_layer(path, gdal_layer, name + " (outlines)")
            spec_of[top.id()] = index
            top.renderer().setSymbol(QgsFillSymbol.createSimple(dict(sym, style="no", color="0,0,0,0")))
            set_labels(top, field, level, colour, size)
            tops.append(top)
        else:
            set_labels(lyr, field, level, colour, size)
            lower.append(lyr)
    for lyr in fills + lower + tops:
        project.addMapLayer(lyr, False)
    map_layers = list(reversed(fills + lower + tops))  # top first

    def page_layers(shown):
        return [lyr for lyr in map_layers if shown is None or spec_of[lyr.id()] in shown]

    # ---- the layout --------------------------------------------------------
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(page_w, page_h, MM))
    margin, title_h, attr_h = 10.0, 12.0, 6.0

    title_item = QgsLayoutItemLabel(layout)
    title_item.setText(title)
    title_item.setFont(qfont(20, bold=True))
    title_item.setFontColor(QColor("#222222"))
    title_item.setHAlign(Qt.AlignHCenter)
    title_item.setVAlign(Qt.AlignVCenter)
    title_item.attemptMove(QgsLayoutPoint(margin, margin * 0.5, MM))
    title_item.attemptResize(QgsLayoutSize(page_w - 2 * margin, title_h, MM))
    layout.addLayoutItem(title_item)

    map_x, map_y = margin, margin * 0.5 + title_h + 2.0
    map_w, map_h = page_w - 2 * margin, page_h - map_y - margin - attr_h * 0.5
    map_item = QgsLayoutItemMap(layout)
    map_item.attemptResize(QgsLayoutSize(map_w, map_h, MM))
    map_item.setCrs(crs)
    map_item.setLayers(page_layers(frame_layers[0]))
    map_item.setKeepLayerSet(True)
    map_item.setBackgroundColor(QColor("#e6ecf5"))
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, MM))
    layout.addLayoutItem(map_item)
    # The frame as the map extent, then zoomed to fit the item's aspect so the
    # whole frame stays visible. (A map item moved before it has an extent
    # gets an empty one and zoomToExtent then yields NaN, hence this order.)
    first = QgsRectangle(*frames[0])
    map_item.setExtent(first)  # may change the item's height to the frame's aspect...
    map_item.attemptResize(QgsLayoutSize(map_w, map_h, MM))  # ...so back to the layout's size
    map_item.zoomToExtent(first)
    map_item.attemptMove(QgsLayoutPoint(map_x, map_y, MM))
    if map_item.extent().isEmpty() or not map_item.scale() > 0:
        die(f"map item got no usable extent for frame {frames[0]}")

    arrow_svg = "/usr/share/qgis/svg/arrows/NorthArrow_02.svg"
    if os.path.exists(arrow_svg):
        arrow = QgsLayoutItemPicture(layout)
        arrow.setPicturePath(arrow_svg)
        arrow.setLinkedMap(map_item)  # follows the map's rotation (none here)
        arrow.attemptMove(QgsLayoutPoint(map_x + map_w - 20.0, map_y + 5.0, MM))
        arrow.attemptResize(QgsLayoutSize(14.0, 18.0, MM))
        layout.addLayoutItem(arrow)

    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("Legend")
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for lyr in legend_layers:
        root.addLayer(lyr)
    legend.setStyleFont(QgsLegendStyle.Title, qfont(11, bold=True))
    legend.setStyleFont(QgsLegendStyle.Subgroup, qfont(9))
    legend.setStyleFont(QgsLegendStyle.SymbolLabel, qfont(9))
    legend.setBackgroundEnabled(True)
    legend.setBackgroundColor(QColor(255, 255, 255, 220))
    legend.setFrameEnabled(True)
    legend.setReferencePoint(QgsLayoutItemLegend.LowerRight)
    layout.addLayoutItem(legend)
    legend.adjustBoxSize()
    legend.attemptMove(QgsLayoutPoint(map_x + map_w - 4.0, map_y + map_h - 4.0, MM))

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(map_item)
    scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
    scalebar.setUnitLabel("km")
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setNumberOfSegments(4)
    # a round segment length refitted on every page, as the atlas changes the scale
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    scalebar.setMinimumBarWidth(40.0)
    scalebar.setMaximumBarWidth(80.0)
    scalebar.setUnitsPerSegment(50.0)
    scalebar.setTextFormat(text_format(8, "#222222"))
    scalebar.setBackgroundEnabled(True)
    scalebar.setBackgroundColor(QColor(255, 255, 255, 220))
    scalebar.setReferencePoint(QgsLayoutItemScaleBar.LowerLeft)
    layout.addLayoutItem(scalebar)
    scalebar.update()
    scalebar.resizeToMinimumWidth()
    scalebar.attemptMove(QgsLayoutPoint(map_x + 4.0, map_y + map_h - 4.0, MM))

    attr = QgsLayoutItemLabel(layout)
    attr.setText(attribution)
    attr.setFont(qfont(7))
    attr.setFontColor(QColor("#555555"))
    attr.setHAlign(Qt.AlignLeft)
    attr.setVAlign(Qt.AlignVCenter)
    attr.attemptMove(QgsLayoutPoint(map_x, map_y + map_h + 0.5, MM))
    attr.attemptResize(QgsLayoutSize(map_w, attr_h, MM))
    layout.addLayoutItem(attr)

    # ---- export ------------------------------------------------------------
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 300
    settings.forceVectorOutput = True
    settings.rasterizeWholeImage = False
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText

    if len(frames) == 1:
        result = QgsLayoutExporter(layout).exportToPdf(out, settings)
        error = ""
        pages = layout.pageCollection().pageCount()
    else:
        # One page per frame: the layout's atlas over a memory layer of the
        # frame rectangles, the map item fitting each rectangle (no margin).
        # Each feature carries its page's layers, top first, "|"-separated:
        # the map item's data-defined layer list.
        cover = QgsVectorLayer("Polygon?field=layers:string", "frames", "memory")
        cover.setCrs(crs)
        feats = []
        for f, shown in zip(frames, frame_layers):
            feat = QgsFeature(cover.fields())
            feat.setGeometry(QgsGeometry.fromRect(QgsRectangle(*f)))
            feat.setAttribute("layers", "|".join(lyr.name() for lyr in page_layers(shown)))
            feats.append(feat)
        cover.dataProvider().addFeatures(feats)
        cover.updateExtents()
        project.addMapLayer(cover, False)
        atlas = layout.atlas()
        atlas.setCoverageLayer(cover)
        atlas.setHideCoverage(True)
        atlas.setEnabled(True)
        map_item.setAtlasDriven(True)
        map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
        map_item.setAtlasMargin(0.0)
        if any(shown is not None for shown in frame_layers):
            map_item.dataDefinedProperties().setProperty(
                QgsLayoutObject.MapLayers, QgsProperty.fromExpression("attribute(@atlas_feature, 'layers')"))
        result, error = QgsLayoutExporter.exportToPdf(atlas, out, settings)
        pages = atlas.count()
    if result != QgsLayoutExporter.Success:
        die(f"PDF export failed (QgsLayoutExporter result {int(result)}) {error}".rstrip())
    if not os.path.exists(out) or os.path.getsize(out) == 0:
        die(f"no PDF written at {out}")
except SystemExit:
    raise
except Exception as e:  # any QGIS/Python error: report it and fail
    die(f"{type(e).__name__}: {e}")

print(out, pages)
sys.stdout.flush()
sys.stderr.flush()
os._exit(0)  # QgsApplication.exitQgis() segfaults on this machine

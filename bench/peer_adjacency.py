"""Peer for `borderlens bench adjacency`: shared borders between districts
computed the usual GeoPandas/Shapely + libpysal way, on the same files.

Domestic pairs: libpysal Rook contiguity, then the length of one unit's
boundary inside the other buffered by 5 m. International pairs: candidates from a
spatial join of the tolerance-buffered units, then the length of the part of
each unit's outer boundary (its stretch of the national outline) lying in
the other's tolerance buffer. Lengths are planar in the working CRS.

Usage: peer_adjacency.py VN_FILE VN_LAYER LA_FILE LA_LAYER PROJ TOL_M VN_ID LA_ID
Prints "#seconds S" (compute time, loading excluded) and one CSV row per pair:
a_id,b_id,kind,km
"""
import sys
import time
import warnings

import geopandas as gpd
warnings.filterwarnings("ignore")
import libpysal  # noqa: E402  (warns about remote data sets on import)
from shapely.ops import unary_union

warnings.filterwarnings("ignore")
vn_file, vn_layer, la_file, la_layer, crs, tol, vn_id, la_id = sys.argv[1:9]
tol = float(tol)

vn = gpd.read_file(vn_file, layer=vn_layer).to_crs(crs)
la = gpd.read_file(la_file, layer=la_layer).to_crs(crs)
for g in (vn, la):
    bad = ~g.geometry.is_valid
    if bad.any():
        g.loc[bad, "geometry"] = g.geometry[bad].buffer(0)

start = time.perf_counter()
rows = []


def domestic(gdf, idcol):
    w = libpysal.weights.Rook.from_dataframe(gdf.reset_index(drop=True), silence_warnings=True)
    geoms = list(gdf.geometry)
    ids = list(gdf[idcol])
    for i, nbrs in w.neighbors.items():
        for j in nbrs:
            if j <= i:
                continue
            # Exact boundary intersection misses edges digitised with
            # different vertices; a 5 m buffer (our domestic tolerance) catches them.
            km = geoms[i].boundary.intersection(geoms[j].buffer(5.0)).length / 1000.0
            if km * 1000.0 >= 5.0:
                rows.append((ids[i], ids[j], "domestic", km))


domestic(vn, vn_id)
domestic(la, la_id)

# International: each side's outer boundary only (not internal district lines).
vn_outline = unary_union(list(vn.geometry)).boundary.buffer(1.0)
la_outline = unary_union(list(la.geometry)).boundary.buffer(1.0)
vn_buf = vn.copy()
vn_buf["geometry"] = vn.geometry.buffer(tol)
cand = gpd.sjoin(vn_buf, la, predicate="intersects", how="inner")
for ia, row in cand.iterrows():
    ib = row["index_right"]
    a = vn.geometry.loc[ia]
    b = la.geometry.loc[ib]
    a_side = a.boundary.intersection(vn_outline).intersection(b.buffer(tol)).length
    b_side = b.boundary.intersection(la_outline).intersection(a.buffer(tol)).length
    km = (a_side + b_side) / 2000.0
    if km * 1000.0 >= tol:
        rows.append((vn.loc[ia, vn_id], la.loc[ib, la_id], "international", km))

elapsed = time.perf_counter() - start
print(f"#seconds {elapsed:.4f}")
for a, b, kind, km in rows:
    print(f"{a},{b},{kind},{km:.4f}")

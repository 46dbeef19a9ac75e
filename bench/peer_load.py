"""Peer for `borderlens bench load`: the usual GeoPandas way to load one
layer, reproject it to the working CRS and repair invalid geometries.
Usage: peer_load.py FILE LAYER PROJ_STRING"""
import sys

import geopandas as gpd

path, layer, crs = sys.argv[1], sys.argv[2], sys.argv[3]
gdf = gpd.read_file(path, layer=layer or None)
gdf = gdf.to_crs(crs)
invalid = ~gdf.geometry.is_valid
if invalid.any():
    gdf.loc[invalid, "geometry"] = gdf.geometry[invalid].make_valid()
print(len(gdf), int(invalid.sum()))

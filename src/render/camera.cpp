#include "render/camera.hpp"

#include <cstdio>

#include <algorithm>
#include <cmath>

#include "core/boundaries/crs.hpp"

namespace bl::render {

Vec2 Camera::toScreen(Vec2 w) const {
    return {(w.x - center.x) / metresPerPixel + width / 2.0, height / 2.0 - (w.y - center.y) / metresPerPixel};
}

Vec2 Camera::toWorld(Vec2 s) const {
    return {center.x + (s.x - width / 2.0) * metresPerPixel, center.y - (s.y - height / 2.0) * metresPerPixel};
}

Box Camera::visibleBox() const {
    const double hw = width / 2.0 * metresPerPixel, hh = height / 2.0 * metresPerPixel;
    return {center.x - hw, center.y - hh, center.x + hw, center.y + hh};
}

void Camera::zoomAround(Vec2 screen, double factor) {
    const Vec2 before = toWorld(screen);
    metresPerPixel = std::clamp(metresPerPixel / factor, 0.5, 20000.0);
    const Vec2 after = toWorld(screen);
    center.x += before.x - after.x;
    center.y += before.y - after.y;
}

void Camera::pan(Vec2 d) {
    center.x -= d.x * metresPerPixel;
    center.y += d.y * metresPerPixel;
}

void Camera::fit(const Box& box, double marginPx) {
    if (box.empty()) return;
    center = box.center();
    const double w = std::max(1.0, width - 2 * marginPx), h = std::max(1.0, height - 2 * marginPx);
    metresPerPixel = std::clamp(std::max((box.maxX - box.minX) / w, (box.maxY - box.minY) / h), 0.5, 20000.0);
}

void Camera::fitInto(const Box& box, double left, double top, double right, double bottom) {
    if (box.empty()) return;
    const double w = std::max(1.0, width - left - right), h = std::max(1.0, height - top - bottom);
    metresPerPixel = std::clamp(std::max((box.maxX - box.minX) / w, (box.maxY - box.minY) / h), 0.5, 20000.0);
    const Vec2 c = box.center();
    // The box's centre goes to the centre of the free area.
    center = {c.x - ((left - right) / 2.0) * metresPerPixel, c.y + ((top - bottom) / 2.0) * metresPerPixel};
}

ScaleBar scaleBarFor(const Camera& camera, double maxPx) {
    ScaleBar bar;
    bar.latitude = threadCrs().inverse(camera.center).lat;
    // Ground metres per pixel: map distance divided by the point scale factor.
    const double groundPerPx = camera.metresPerPixel / threadCrs().scaleFactor(bar.latitude);
    const double maxKm = maxPx * groundPerPx / 1000.0;
    const double p = std::pow(10.0, std::floor(std::log10(maxKm)));
    double km = p;
    for (double m : {2.0, 5.0, 10.0})
        if (m * p <= maxKm) km = m * p;
    bar.km = km;
    bar.pixels = km * 1000.0 / groundPerPx;
    return bar;
}

std::string scaleBarText(const ScaleBar& bar) {
    char text[64];
    std::snprintf(text, sizeof text, bar.km >= 1 ? "%.0f km" : "%.1f km", bar.km);
    return text;
}

}  // namespace bl::render

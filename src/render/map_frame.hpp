#pragma once
// One frame of the map as both backends draw it, without any GL: the
// scene, the cameras, the level of detail of each layer, and the
// screen-space layout (ScreenLayout: symbols, label candidates and their
// placement without overlaps, scale bar, the scene's underlay and
// decorations) as a list of ScreenItems. The OpenGL renderer
// (map_renderer.cpp) and the cairo one (vector_export.cpp) draw the
// geometry their own way and this list the same way, so a PDF and a PNG of
// one request place every label alike.
#include <string>
#include <vector>

#include "render/camera.hpp"
#include "render/engine_types.hpp"
#include "render/fonts.hpp"
#include "render/label_placer.hpp"
#include "render/screen_painter.hpp"

namespace bl::render {

struct FrameStats {
    size_t lod = 0;
    size_t outlineVertices = 0;  // strip vertices submitted
    size_t fillVertices = 0;
    size_t labelCandidates = 0;
    size_t labelsPlaced = 0;
    size_t levelsMissing = 0;  // levels of detail not prepared yet (a coarser or finer one drawn instead)
};

const Font& fontFor(const FontSet& fonts, ScreenFont f);

// What one draw's passes share: the scene, the cameras (the whole frame's,
// and the one of the tile being drawn), the level of detail, and what the
// screen-space passes collect (items, label candidates, obstacles).
struct Frame {
    struct LabelDraw {
        ScreenFont font;
        Vec2 pos;
        std::string text;
        Rgba colour;
        bool pill = false;
        Rgba pillColour;
    };

    Frame(const Scene& scene, const Camera& cam, const FontSet& fonts, FrameStats& stats, std::vector<Box>& labelBoxes)
        : scene(scene), cam(cam), gcam(cam), fonts(fonts), stats(stats), labelBoxes(labelBoxes), paint(screen) {}
    Frame(const Frame&) = delete;
    Frame& operator=(const Frame&) = delete;

    const Scene& scene;
    const Camera& cam;   // the whole frame: labels and decorations are laid out on it
    Camera gcam;         // the tile's camera: geometry is drawn through it
    Box tileBox;         // the tile in frame pixels
    const FontSet& fonts;
    const Dataset* data = nullptr;
    const MapGeometry* geometry = nullptr;
    FrameStats& stats;
    std::vector<Box>& labelBoxes;
    float s = 1.0f;      // style scale (dpi / 96)
    double mpp = 1.0;
    size_t lod = 0;      // the level this scale wants
    Box view;            // visible world box, a little grown
    std::vector<ScreenItem> screen;  // every screen item, in drawing order
    ScreenPainter paint;
    std::vector<LabelCandidate> candidates;
    std::vector<LabelDraw> labelDraws;
    std::vector<Box> obstacles;
    std::vector<HighlightedUnit> highlights;  // overlay, hover, selection
    long group = 0;
    std::vector<const LayerLod*> lods;     // per layer, the level drawn (null: none prepared yet)
    std::vector<size_t> levels;            // per layer, its index
    const LineStrip* border = nullptr;     // the Viet Nam–Laos border at the level drawn
    size_t borderLevel = 0;
    const LayerLod* context = nullptr;     // the context countries at the level drawn (null: none)
    size_t contextLevel = 0;

    // Starts the frame: scale, level of detail, view, highlights (data and
    // geometry may be null: nothing but the screen items is drawn).
    void begin(const Dataset* data, const MapGeometry* geometry, const Box* tile);
    // Layer li is shown and its level is drawn at this scale (at 96 dpi equivalent).
    bool visible(size_t li) const {
        return li < scene.layerVisible.size() && scene.layerVisible[li] &&
               levelShownAtScale(data->layers[li].spec.level, mpp * s);
    }
    // Per layer: shown at this scale, or holding a highlighted unit (whose
    // layer is drawn from even when hidden): the layers whose levels are needed.
    std::vector<bool> layersInUse() const;
    void addLabel(ScreenFont font, Vec2 centerPx, const std::string& text, double width, int priority, double weight,
                  Rgba colour, bool pill = false, Rgba pillColour = {}, long grp = -1);
};

// The screen-space passes, in order, after the geometry (the scene's
// underlay is the backends' to draw, between the fills and the outlines):
// overlay labels, symbols, neighbours' and units' names, scale bar and
// attribution, placement, decorations. Keeps the label widths of one dataset.
class ScreenLayout {
public:
    explicit ScreenLayout(const FontSet& fonts) : m_fonts(&fonts) {}
    void setData(const Dataset* data, const MapGeometry* geometry);
    // Fills f.screen; `f.lods` must hold the levels drawn.
    void run(Frame& f);

private:
    void addOverlayLabels(Frame& f);
    void addSymbols(Frame& f);
    void addContextLabels(Frame& f);
    void addUnitLabels(Frame& f);
    void addScaleBarAndAttribution(Frame& f);
    void placeLabels(Frame& f);

    const FontSet* m_fonts;
    std::vector<std::pair<std::string, float>> m_contextLabels;  // per context feature: text, width
    std::vector<std::vector<float>> m_labelWidths;               // per layer, per unit
};

// The point at fraction f (0..1) of a line's length.
Vec2 pointAlong(const LineString& line, double f);

// The polylines of a strip's range (LineStrip::append's input, in working
// CRS metres), for backends that stroke paths rather than strips.
std::vector<LineString> stripPolylines(const LineStrip& strip, Range range, Vec2 origin);

}  // namespace bl::render

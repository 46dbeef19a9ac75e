#include "core/news/cues.hpp"

namespace bl::news {

namespace {

bool startsWith(const std::string& w, const std::string& prefix) { return w.compare(0, prefix.size(), prefix) == 0; }

bool isPactNoun(const Lexicon& lex, const std::vector<Token>& t, size_t i) {
    // "signed a document on cooperation": a plan only when signed.
    if (lex.signedDocumentNouns.count(t[i].low)) {
        for (size_t k = i; k-- > 0 && k + 4 > i;)
            if (lex.signingVerbs.count(t[k].low)) return true;
        return false;
    }
    if (!lex.pactNouns.count(t[i].low)) return false;
    if ((t[i].low == "plan" || t[i].low == "plans") && i + 1 < t.size() && t[i + 1].low == "to") return false;
    if (t[i].low == "minutes" && i > 0 && t[i - 1].type == Tok::Number) return false;
    return true;
}

bool isOtherCue(const Lexicon& lex, const std::string& w) {
    for (const auto& s : lex.cooperationStems)
        if (startsWith(w, s)) return true;
    return false;
}

// "twinned", "twin-province", "sister provinces", "sister-unit".
std::optional<Span> twinningAt(const Lexicon& lex, const std::vector<Token>& t, size_t i) {
    const std::string& w = t[i].low;
    if (lex.twinningCues.count(w) || startsWith(w, "twin-")) return Span{t[i].b, t[i].e};
    // "sister" only as a relation between places or units, not kinship.
    if ((w == "sister" || startsWith(w, "sister-")) && i + 1 < t.size())
        if (lex.sisterRelationNouns.count(t[i + 1].low) || w.size() > 7) return Span{t[i].b, t[i + 1].e};
    return std::nullopt;
}

}  // namespace

Cue findCue(const Lexicon& lex, const std::vector<Token>& t) {
    Cue twin, pact, other;
    for (size_t i = 0; i < t.size(); ++i) {
        if (t[i].type != Tok::Word) continue;
        if (!twin.kind)
            if (auto s = twinningAt(lex, t, i)) {
                twin.kind = LinkKind::Twinning;
                twin.span = *s;
            }
        if (!pact.kind && isPactNoun(lex, t, i)) {
            pact.kind = LinkKind::CooperationPlan;
            pact.span = {t[i].b, t[i].e};
        }
        if (!other.kind && isOtherCue(lex, t[i].low)) {
            other.kind = LinkKind::Other;
            other.span = {t[i].b, t[i].e};
        }
    }
    if (twin.kind) return twin;
    if (pact.kind) return pact;
    return other;
}

bool hasAnaphor(const Lexicon& lex, const std::vector<Token>& t) {
    for (const auto& x : t)
        if (lex.anaphors.count(x.low)) return true;
    return false;
}

}  // namespace bl::news

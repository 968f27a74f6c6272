#include "core/topics/segscore.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace tx {
namespace {

std::vector<uint32_t> clean(std::vector<uint32_t> b, uint32_t n) {
    std::sort(b.begin(), b.end());
    b.erase(std::unique(b.begin(), b.end()), b.end());
    b.erase(std::remove_if(b.begin(), b.end(), [n](uint32_t x) { return x == 0 || x >= n; }),
            b.end());
    return b;
}

// Number of boundaries b with b <= x.
size_t upto(const std::vector<uint32_t>& b, uint64_t x) {
    return static_cast<size_t>(std::upper_bound(b.begin(), b.end(), x) - b.begin());
}

}  // namespace

uint32_t seg_window_size(const std::vector<uint32_t>& ref, uint32_t n) {
    double segs = static_cast<double>(ref.size() + 1);
    double k = std::nearbyint(n / (2.0 * segs));  // default rounding: half to even, like Python
    return k > 1 ? static_cast<uint32_t>(k) : 2u;
}

double seg_pk(const std::vector<uint32_t>& ref_in, const std::vector<uint32_t>& hyp_in, uint32_t n,
              uint32_t k) {
    std::vector<uint32_t> ref = clean(ref_in, n), hyp = clean(hyp_in, n);
    if (k == 0) k = seg_window_size(ref, n);
    if (n <= k) return 0.0;
    size_t err = 0;
    for (uint64_t i = 0; i + k < n; ++i) {
        bool rs = upto(ref, i) == upto(ref, i + k);
        bool hs = upto(hyp, i) == upto(hyp, i + k);
        if (rs != hs) ++err;
    }
    return static_cast<double>(err) / (n - k);
}

double seg_windowdiff(const std::vector<uint32_t>& ref_in, const std::vector<uint32_t>& hyp_in,
                      uint32_t n, uint32_t k) {
    std::vector<uint32_t> ref = clean(ref_in, n), hyp = clean(hyp_in, n);
    if (k == 0) k = seg_window_size(ref, n);
    if (n <= k) return 0.0;
    size_t err = 0;
    for (uint64_t i = 0; i + k < n; ++i) {
        size_t cr = upto(ref, i + k) - upto(ref, i);
        size_t ch = upto(hyp, i + k) - upto(hyp, i);
        if (cr != ch) ++err;
    }
    return static_cast<double>(err) / (n - k);
}

SegPrf seg_boundary_prf(const std::vector<uint32_t>& ref, const std::vector<uint32_t>& hyp,
                        uint32_t tol) {
    std::vector<bool> used(ref.size(), false);
    size_t tp = 0;
    for (uint32_t b : hyp) {
        long best = -1;
        for (size_t j = 0; j < ref.size(); ++j) {
            long d = std::labs(static_cast<long>(ref[j]) - static_cast<long>(b));
            if (used[j] || d > static_cast<long>(tol)) continue;
            if (best < 0 || d < std::labs(static_cast<long>(ref[best]) - static_cast<long>(b)))
                best = static_cast<long>(j);
        }
        if (best >= 0) { used[best] = true; ++tp; }
    }
    SegPrf r;
    r.precision = hyp.empty() ? (ref.empty() ? 1.0 : 0.0) : static_cast<double>(tp) / hyp.size();
    r.recall = ref.empty() ? 1.0 : static_cast<double>(tp) / ref.size();
    r.f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0.0;
    return r;
}

}  // namespace tx

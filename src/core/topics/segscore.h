// segscore.h: segmentation metrics (Pk, WindowDiff, boundary P/R/F1), the same conventions as
// ../shared/tools/segscore.py (segeval defaults), so numbers from `transcript topics --eval`
// can be compared with the reference scorer:
//   * a document is n units 0..n-1; a segmentation is the sorted boundary list b (0 < b < n),
//     a new segment starts at unit b;
//   * k = round_half_even(n / (2 * reference segments)), at least 2, from the reference only;
//   * Pk: for i in [0, n-k) count disagreements on "i and i+k in the same segment"; / (n-k);
//   * WindowDiff: count windows where #boundaries in (i, i+k] differs; / (n-k);
//   * boundary F1: greedy one-to-one matching of hypothesis boundaries (in order) to the nearest
//     unused reference boundary within +-tol.
// Inputs are sanitised like the reference (sorted, deduplicated); out-of-range boundaries are
// dropped (the reference raises instead).
#pragma once
#include <cstdint>
#include <vector>

namespace tx {

// @return k for a document of n units with this reference (>= 2).
uint32_t seg_window_size(const std::vector<uint32_t>& ref, uint32_t n);

// @return Pk in [0, 1]; 0 when n <= k. k == 0 means seg_window_size(ref, n).
double seg_pk(const std::vector<uint32_t>& ref, const std::vector<uint32_t>& hyp, uint32_t n,
              uint32_t k = 0);

// @return WindowDiff in [0, 1]; 0 when n <= k. k == 0 means seg_window_size(ref, n).
double seg_windowdiff(const std::vector<uint32_t>& ref, const std::vector<uint32_t>& hyp,
                      uint32_t n, uint32_t k = 0);

struct SegPrf {
    double precision = 0, recall = 0, f1 = 0;
};
// @return precision/recall/F1 of hyp against ref with tolerance tol (units).
SegPrf seg_boundary_prf(const std::vector<uint32_t>& ref, const std::vector<uint32_t>& hyp,
                        uint32_t tol);

}  // namespace tx

internal import CGLPK
import Foundation

/// The one file that calls GLPK (the GNU Linear Programming Kit): a `LinearProgram` becomes a `glp_prob`,
/// solved by `glp_intopt` (MIP presolve, MIR/Gomory/cover/clique cuts, then branch and cut, relative gap 0:
/// an exact optimum); the
/// seconds spent inside the solver add up in `GLPK.clock`.
extension LinearProgram {
    /// Solves the programme; `seconds` receives the solver's own time.
    func solve(seconds: inout Double) -> Outcome {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        glp_term_out(GLP_OFF)
        guard let problem = glp_create_prob() else { return .infeasible }
        defer { glp_delete_prob(problem) }
        glp_set_obj_dir(problem, GLP_MIN)
        if !columns.isEmpty { glp_add_cols(problem, Int32(columns.count)) }
        for (j, column) in columns.enumerated() {
            let k = Int32(j + 1)
            glp_set_obj_coef(problem, k, column.cost)
            if column.isBinary { glp_set_col_kind(problem, k, GLP_BV) }
            if column.isBinary && column.lower == 0 && column.upper == 1 { continue }
            let type: Int32
            if column.lower == column.upper { type = GLP_FX }
            else if column.upper.isFinite { type = GLP_DB }
            else { type = GLP_LO }
            glp_set_col_bnds(problem, k, type, column.lower, column.upper.isFinite ? column.upper : 0)
        }
        if !rows.isEmpty { glp_add_rows(problem, Int32(rows.count)) }
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        for (i, row) in rows.enumerated() {
            let k = Int32(i + 1)
            switch row.sense {
            case .atLeast: glp_set_row_bnds(problem, k, GLP_LO, row.bound, 0)
            case .atMost: glp_set_row_bnds(problem, k, GLP_UP, 0, row.bound)
            case .equal: glp_set_row_bnds(problem, k, GLP_FX, row.bound, row.bound)
            }
            for term in row.terms {
                ia.append(k)
                ja.append(Int32(term.column + 1))
                ar.append(term.coefficient)
            }
        }
        if ia.count > 1 { glp_load_matrix(problem, Int32(ia.count - 1), ia, ja, ar) }
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.presolve = GLP_ON
        parameters.msg_lev = GLP_MSG_OFF
        parameters.mip_gap = 0
        // Mixed-integer rounding, Gomory and cover cuts: the classroom rows are knapsacks with
        // fractional coefficients (per-zone transfer bounds), on which plain branching is slow.
        parameters.mir_cuts = GLP_ON
        parameters.gmi_cuts = GLP_ON
        parameters.cov_cuts = GLP_ON
        parameters.clq_cuts = GLP_ON
        let code = glp_intopt(problem, &parameters)
        guard code == 0 else { return .infeasible }  // GLP_ENOPFS / GLP_ENODFS: presolve found no feasible point
        let status = glp_mip_status(problem)
        guard status == GLP_OPT else { return .infeasible }
        let values = (0..<columns.count).map { glp_mip_col_val(problem, Int32($0 + 1)) }
        return .optimal(values: values, objective: glp_mip_obj_val(problem))
    }
}

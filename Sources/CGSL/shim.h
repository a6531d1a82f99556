#ifndef SEATPLAN_CGSL_SHIM_H
#define SEATPLAN_CGSL_SHIM_H

/* The only GSL headers SeatPlan uses. Swift code reaches them through
   SeatPlanKit/Numerics, never directly. */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sort_float.h>
#include <gsl/gsl_statistics_float.h>

/* GSL's generator types are global variables; Swift 6 refuses to read a mutable C global from
   concurrent code, so the one SeatPlan uses is handed out by a function. */
static inline const gsl_rng_type *seatplan_rng_mt19937(void) { return gsl_rng_mt19937; }

#endif

#ifndef SEATPLAN_CGSL_SHIM_H
#define SEATPLAN_CGSL_SHIM_H

/* The only GSL headers SeatPlan uses. Swift code reaches them through
   SeatPlanKit/Numerics, never directly. */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_math.h>

#endif

/*
 * Floating point: arithmetic, printf of doubles in every conversion, and libm.
 * Transcendental results print with 12 significant digits: glibc and wasi-libc (musl) may differ in the last
 * bit of sin or pow, but not in the first twelve digits.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  double values[] = {0.0, -0.0, 1.0, 0.1, 1.0 / 3.0, 123456789.125, 1e-300, 6.02214076e23, -2.5, DBL_MAX, DBL_MIN};
  for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
    double v = values[i];
    printf("%%f=%f %%e=%e %%g=%g %%.17g=%.17g\n", v, v, v, v);
  }
  printf("inf=%f -inf=%f nan=%f isnan=%d isinf=%d\n", INFINITY, -INFINITY, NAN, isnan(NAN), isinf(-INFINITY) != 0);
  printf("float: %.9g %.9g %.9g\n", (double)(1.0f / 3.0f), (double)16777217.0f, (double)FLT_EPSILON);

  /* Exact operations: IEEE 754 requires correctly rounded results, so these must match bit for bit. */
  printf("sqrt(2)=%.17g fma=%.17g fmod(10,3)=%g remainder(10,3)=%g\n", sqrt(2.0), fma(0.1, 10.0, -1.0),
         fmod(10.0, 3.0), remainder(10.0, 3.0));
  printf("floor=%g ceil=%g round=%g trunc=%g rint=%g nearbyint=%g\n", floor(-2.5), ceil(-2.5), round(-2.5),
         trunc(-2.5), rint(2.5), nearbyint(3.5));
  printf("fabs=%g copysign=%g fmin=%g fmax=%g ldexp=%g frexp mantissa=", fabs(-3.0), copysign(2.0, -0.0),
         fmin(NAN, 1.0), fmax(-1.0, 2.0), ldexp(0.75, 4));
  int exponent;
  double mantissa = frexp(48.0, &exponent);
  printf("%g exp=%d\n", mantissa, exponent);

  printf("sin(1)=%.12g cos(1)=%.12g tan(1)=%.12g\n", sin(1.0), cos(1.0), tan(1.0));
  printf("exp(1)=%.12g log(10)=%.12g log10(1000)=%.12g log2(1024)=%.12g\n", exp(1.0), log(10.0), log10(1000.0),
         log2(1024.0));
  printf("pow(2,0.5)=%.12g pow(1.5,40)=%.12g cbrt(27)=%.12g hypot(3,4)=%.12g\n", pow(2.0, 0.5), pow(1.5, 40.0),
         cbrt(27.0), hypot(3.0, 4.0));
  printf("atan2(1,-1)=%.12g asin(0.5)=%.12g acos(0)=%.12g sinh(1)=%.12g tanh(0.5)=%.12g\n", atan2(1.0, -1.0),
         asin(0.5), acos(0.0), sinh(1.0), tanh(0.5));

  /* Conversions at the edges of the integer ranges. */
  printf("(int)-7.9=%d (long long)1e18=%lld (unsigned)3e9=%u\n", (int)-7.9, (long long)1e18, (unsigned)3e9);
  printf("strtod=%.17g atof=%g\n", strtod("2.718281828459045", NULL), atof("-1.5e-3"));

  /* Numerical integration and a series, in doubles: deterministic because every step is correctly rounded. */
  double integral = 0.0;
  int steps = 100000;
  for (int i = 0; i < steps; i++) {
    double x = (i + 0.5) / steps;
    integral += 4.0 / (1.0 + x * x);
  }
  printf("pi by midpoint rule: %.15f\n", integral / steps);
  double harmonic = 0.0;
  for (int k = 1; k <= 1000000; k++) harmonic += 1.0 / k;
  printf("H(1e6)=%.15f\n", harmonic);
  float f = 0.0f;
  for (int k = 0; k < 1000; k++) f += 0.1f;
  printf("1000 * 0.1f summed in float: %.9g\n", (double)f);
  return 0;
}

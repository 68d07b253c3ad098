## The data part of faro.

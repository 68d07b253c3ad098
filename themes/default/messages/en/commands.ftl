## The commands part of faro.

## The content part of faro.

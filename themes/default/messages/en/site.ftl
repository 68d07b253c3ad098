## The site part of faro.

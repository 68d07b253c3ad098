## La parte content de faro.

## La parte data de faro.

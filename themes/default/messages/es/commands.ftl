## La parte commands de faro.

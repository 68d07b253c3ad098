## La parte site de faro.

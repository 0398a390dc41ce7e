"""The law viewer's widgets."""

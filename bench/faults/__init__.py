"""Fault scenarios: bench/faults/run.sh runs them (see bench/README.md, "Faults")."""

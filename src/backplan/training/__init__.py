"""Training, kept pure: prescriptions, the planner, progression and recovery."""

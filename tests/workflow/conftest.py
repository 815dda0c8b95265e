"""The workflow tests' fixtures (shared with tests/publish and tests/review)."""

import workflow_fixtures as shared

# pytest finds fixtures by name in a conftest: bind the shared ones here.
isolated_git, actors, office = shared.isolated_git, shared.actors, shared.office
real_check, passing_check = shared.real_check, shared.passing_check

# The shared fixtures of services/common, for every test in the repository.
pytest_plugins = ["common.testing.fixtures"]

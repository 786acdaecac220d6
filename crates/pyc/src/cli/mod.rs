//! One module per `pyc` subcommand.

"""`presslens eval entities` (first cut: placeholder arguments only)."""


def add_arguments(parser) -> None:
    parser.add_argument("--meantime", default="../shared/data/wikinews-apple/meantime")


def run(args) -> int:
    raise NotImplementedError

"""The error of the site stage, apart so that every module of it can raise it."""


class SiteBuildError(Exception):
    """mkdocs refused to build (a warning in strict mode, a broken link, a macro error), or Pagefind failed."""

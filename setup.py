"""The one packaging step pyproject.toml cannot say: the default guide (the catalog, pages and theme
at the top of this repository, where editors of Déclic keep them) goes into the wheel as
`declic/default_guide/`, which `project.DEFAULT_GUIDE` finds with importlib.resources."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DEFAULT_GUIDE = ("mkdocs.yml", "content", "usecases", "personas", "overrides")


class BuildWithDefaultGuide(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the repository itself
            return
        target = Path(self.build_lib) / "declic" / "default_guide"
        for name in DEFAULT_GUIDE:
            source = Path(name)
            if source.is_dir():
                shutil.copytree(source, target / name, dirs_exist_ok=True)
            else:
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy(source, target / name)


setup(cmdclass={"build_py": BuildWithDefaultGuide})

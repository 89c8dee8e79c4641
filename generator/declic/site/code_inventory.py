"""A guide → what in it is code: the files and modules its build runs, as opposed to its content.

Code is owned by the guide's maintainers: mkdocs.yml's `hooks:`, theme templates (`overrides/*.html`,
Jinja run by mkdocs unsandboxed), Python modules a plugin is told to load. Everything else (catalog
YAML, content pages, imported CSV, review fields, environment values) is content and never runs.
Reads the configuration Déclic already read; runs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from declic.errors import display_path
from declic.site.project import Project


@dataclass(frozen=True)
class Code:
    hooks: tuple[str, ...]  # Python files mkdocs imports (`hooks:`)
    theme_templates: tuple[str, ...]  # the guide's own theme templates, rendered outside any sandbox
    plugin_modules: tuple[str, ...]  # « module (plugin) »: Python a plugin's settings make it import
    sandboxed_templates: tuple[str, ...]  # the guide's page templates (`extra.declic.templates`), sandboxed

    def lines(self) -> list[str]:
        """French, one line per kind that is not empty."""
        named = (
            ("hooks (Python)", self.hooks),
            ("gabarits du thème", self.theme_templates),
            ("modules Python des plugins", self.plugin_modules),
            ("gabarits de pages (bac à sable de Jinja)", self.sandboxed_templates),
        )
        return [f"{label} : {', '.join(items)}" for label, items in named if items]


def code_of(project: Project) -> Code:
    root = project.root
    hooks = tuple(str(hook) for hook in project.config.get("hooks") or ())
    own_theme = root / "overrides"
    theme = tuple(
        display_path(path, root) for path in sorted(own_theme.rglob("*.html")) if not path.name.startswith(".")
    )
    modules = tuple(
        f"{module} ({name})"
        for item in _plugins(project.config.get("plugins"))
        for name, settings in [item]
        for key in ("modules", "module_name")
        for module in _names((settings or {}).get(key) if isinstance(settings, dict) else None)
    )
    templates = (
        tuple(display_path(path, root) for path in sorted(project.templates.rglob("*.j2"))) if project.templates else ()
    )
    return Code(hooks, theme, modules, templates)


def _plugins(plugins: object) -> list[tuple[str, object]]:
    if isinstance(plugins, dict):
        return list(plugins.items())
    items = []
    for item in plugins or ():
        if isinstance(item, str):
            items.append((item, None))
        elif isinstance(item, dict):
            items.extend(item.items())
    return items


def _names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value or () if isinstance(item, str)] if isinstance(value, list) else []

"""Jinja errors in a guide's own templates → problems naming the file and the line, in French.

Takes an exception raised while compiling or rendering; gives an `Issue` when the error lies in
the guide's template folder (user input), or None when it lies in Déclic's own templates (a bug,
which keeps its traceback). Renders nothing itself.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Iterable
from pathlib import Path

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError, TemplateAssertionError

from declic.errors import Issue, display_path, suggest
from declic.pages.render import TEMPLATES, environment

_TAGS = (
    "if",
    "elif",
    "else",
    "endif",
    "for",
    "endfor",
    "set",
    "endset",
    "block",
    "endblock",
    "macro",
    "endmacro",
    "call",
    "endcall",
    "filter",
    "endfilter",
    "include",
    "import",
    "from",
    "extends",
    "raw",
    "endraw",
    "with",
    "endwith",
)


def check_templates(folder: Path, root: Path) -> list[Issue]:
    """Compile every template of the guide's folder, so that all syntax errors are found at once.
    A template must replace one of Déclic's, by name; `_name.md.j2` is a piece others include."""
    env = environment(folder)
    known = sorted(path.name for path in TEMPLATES.glob("*.j2"))
    issues = []
    for path in sorted(folder.rglob("*.j2")):
        name = path.relative_to(folder).as_posix()
        if name not in known and not path.name.startswith("_"):
            issues.append(
                Issue(
                    display_path(path, root),
                    None,
                    "",
                    f"gabarit « {name} » inconnu : Déclic ne s'en servirait pas",
                    suggest(name, known)
                    or f"gabarits remplaçables : {', '.join(known)} ; une pièce incluse commence par « _ »",
                )
            )
        try:
            env.get_template(name)
        except UnicodeDecodeError:
            issues.append(
                Issue(
                    display_path(path, root),
                    None,
                    "",
                    "le gabarit n'est pas encodé en UTF-8",
                    "enregistrez-le en UTF-8",
                )
            )
        except TemplateError as error:
            issue = template_issue(error, folder, root)
            if issue is None:
                raise
            issues.append(issue)
    return issues


def template_issue(error: Exception, folder: Path, root: Path) -> Issue | None:
    where = _location(error, folder)
    if where is None:
        return None
    path, line = where
    message, hint = _explain(error, environment(folder).filters)
    return Issue(display_path(path, root), line, "", message, hint)


def _location(error: Exception, folder: Path) -> tuple[Path, int | None] | None:
    if isinstance(error, TemplateSyntaxError) and error.filename:
        path = Path(error.filename)
        return (path, error.lineno) if path.is_relative_to(folder) else None
    # Rendering errors: Jinja rewrites the traceback so that template lines appear as frames.
    frames = [
        frame for frame in traceback.extract_tb(error.__traceback__) if Path(frame.filename).is_relative_to(folder)
    ]
    return (Path(frames[-1].filename), frames[-1].lineno) if frames else None


def _explain(error: Exception, filters: Iterable[str]) -> tuple[str, str | None]:
    text = str(error)
    if isinstance(error, TemplateSyntaxError):
        if match := re.search(r"unknown tag '(\w+)'", text):
            expected = re.findall(r"'(\w+)'", text.partition("looking for")[2].partition(".")[0]) or _TAGS
            return f"gabarit : balise « {match.group(1)} » inconnue", suggest(match.group(1), expected)
        if "Unexpected end of template" in text:
            expected = re.findall(r"'(\w+)'", text.partition("looking for")[2].partition(".")[0])
            closing = f"{{% {expected[-1]} %}}" if expected else "la balise de fin"
            return "gabarit : fin du fichier atteinte dans un bloc ouvert", f"ajoutez « {closing} »"
        if isinstance(error, TemplateAssertionError) and (match := re.search(r"No (filter|test) named '(\w+)'", text)):
            word = "filtre" if match.group(1) == "filter" else "test"
            return f"gabarit : {word} « {match.group(2)} » inconnu", suggest(match.group(2), filters)
        return "gabarit : syntaxe invalide", "vérifiez les « {{ … }} » et « {% … %} » de cette ligne"
    if isinstance(error, TemplateNotFound):
        return f"gabarit : « {error.name} » introuvable", "vérifiez le nom du fichier inclus ou étendu"
    if isinstance(error, UndefinedError):
        if match := re.search(r"has no attribute '(\w+)'", text):
            return (
                f"gabarit : « {match.group(1)} » n'existe pas ici",
                "la page « Référence du catalogue » donne les champs de chaque fiche",
            )
        if match := re.search(r"'(\w+)' is undefined", text):
            return f"gabarit : variable « {match.group(1)} » inconnue", None
        return "gabarit : valeur inconnue", None
    if isinstance(error, SecurityError):
        return (
            "gabarit : accès refusé à l'intérieur de Python",
            "un gabarit n'affiche que les données de la page (voir la « Référence du catalogue »)",
        )
    return "gabarit : erreur pendant le rendu de cette ligne", None

"""A synthetic guide of about N use-case cards: valid YAML of every kind, with text as long as the
default catalog's (field lengths measured on it), deterministic for a given size.

Shape: each trade lives ten irritants and every irritant has a prompt, so cards = trades × 10.
Irritants grow as 2·√N, personas as N/100: a large catalog has many trades, as a real one would.
"""

from __future__ import annotations

import math
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
IRRITANTS_PER_TRADE = 10

WORDS = (
    "facture",
    "client",
    "devis",
    "chantier",
    "relance",
    "équipe",
    "réunion",
    "compte",
    "rendu",
    "courrier",
    "mairie",
    "atelier",
    "planning",
    "fournisseur",
    "commande",
    "livraison",
    "stock",
    "trésorerie",
    "paiement",
    "retard",
    "délai",
    "rendez-vous",
    "agenda",
    "dossier",
    "demande",
    "usager",
    "élu",
    "conseil",
    "délibération",
    "artisan",
    "boutique",
    "salarié",
    "candidat",
    "entretien",
    "formation",
    "tableau",
    "chiffre",
    "marge",
    "prix",
    "qualité",
    "procédure",
    "contrôle",
    "sécurité",
    "intervention",
    "rapport",
    "photo",
    "publication",
    "avis",
    "réseau",
    "message",
    "réponse",
    "question",
    "semaine",
    "mois",
    "soir",
    "matin",
    "toujours",
    "souvent",
    "parfois",
    "jamais",
    "vite",
    "lentement",
    "clairement",
    "simplement",
    "poliment",
    "fermement",
    "préparer",
    "écrire",
    "relire",
    "vérifier",
    "envoyer",
    "classer",
    "trier",
    "résumer",
    "expliquer",
    "corriger",
    "adapter",
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "du",
    "de",
    "au",
    "aux",
    "notre",
    "votre",
    "leur",
    "chaque",
    "tout",
    "sans",
    "avec",
    "pour",
    "dans",
    "sur",
    "après",
    "avant",
    "pendant",
    "quand",
    "mais",
    "donc",
    "car",
    "puis",
    "ensuite",
    "enfin",
    "déjà",
    "encore",
    "très",
    "trop",
    "assez",
    "l'IA",
    "l'équipe",
    "d'un",
    "d'une",
    "qu'il",
    "n'est",
    "s'il",
    "c'est",
    "j'ai",
)


@dataclass(frozen=True)
class Shape:
    cards: int
    trades: int
    irritants: int
    prompts: int
    personas: int


def shape(cards: int) -> Shape:
    trades = max(1, round(cards / IRRITANTS_PER_TRADE))
    irritants = max(IRRITANTS_PER_TRADE * 2, round(2 * math.sqrt(cards)))
    return Shape(trades * IRRITANTS_PER_TRADE, trades, irritants, irritants, max(6, cards // 100))


class _Text:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def sentence(self, words: int) -> str:
        chosen = self.rng.choices(WORDS, k=max(2, words))
        text = " ".join(chosen)
        return text[0].upper() + text[1:] + self.rng.choice((".", ".", ".", " !", " ?", " : oui."))

    def text(self, chars: int) -> str:
        """Sentences of 6 to 18 words until about `chars` characters."""
        parts: list[str] = []
        while sum(len(part) + 1 for part in parts) < chars:
            parts.append(self.sentence(self.rng.randint(6, 18)))
        return " ".join(parts)

    def title(self, chars: int) -> str:
        words: list[str] = []
        while sum(len(word) + 1 for word in words) < chars:
            words.append(self.rng.choice(WORDS))
        text = " ".join(words)
        return text[0].upper() + text[1:]

    def items(self, count: int, chars: int) -> list[str]:
        return [self.text(chars) for _ in range(count)]


def write_guide(folder: Path, cards: int, seed: int = 1) -> Path:
    """Write a whole guide (mkdocs.yml, content/, overrides/, catalog) into `folder`; returns its mkdocs.yml."""
    if folder.exists():
        shutil.rmtree(folder)
    size = shape(cards)
    text = _Text(seed)
    files: dict[str, dict] = {}
    ids = lambda prefix, count: [f"{prefix}-{index:05d}" for index in range(count)]

    sources, categories, obstacles = ids("source", 8), ids("categorie", 9), ids("frein", 10)
    levels, profiles, roles = ids("niveau", 4), ids("profil", 4), ids("role", 7)
    irritants, trades, prompts, personas = (
        ids("irritant", size.irritants),
        ids("metier", size.trades),
        ids("prompt", size.prompts),
        ids("persona", size.personas),
    )
    pick = text.rng.sample

    for source_id in sources:
        files[f"usecases/sources/{source_id}"] = {
            "title": text.title(60),
            "author": text.title(25),
            "year": str(text.rng.randint(2019, 2025)),
            "kind": "article",
        }
    for category_id in categories:
        files[f"usecases/categories/{category_id}"] = {"title": text.title(25), "description": text.text(120)}
    for index, obstacle_id in enumerate(obstacles):
        files[f"usecases/obstacles/{obstacle_id}"] = {
            "title": text.title(30),
            "who": ("apprenant", "formateur", "encadrement", "institution")[index % 4],
            "description": text.text(200),
            "answer": text.text(200),
            "source": pick(sources, 1)[0],
        }
    for rank, level_id in enumerate(levels, start=1):
        files[f"personas/levels/{level_id}"] = {
            "title": text.title(15),
            "rank": str(rank),
            "description": text.text(120),
        }
    for profile_id in profiles:
        files[f"personas/profiles/{profile_id}"] = {
            "title": text.title(25),
            "description": text.text(250),
            "needs": text.items(3, 60),
            "step_minutes": str(text.rng.choice((10, 15, 20))),
            "quick_wins": str(text.rng.randint(1, 3)),
            "skills": str(text.rng.randint(1, 3)),
            "source": pick(sources, 1)[0],
        }
    for role_id in roles:
        files[f"personas/roles/{role_id}"] = {
            "title": text.title(25),
            "description": text.text(150),
            "goals": text.items(3, 70),
            "profile": pick(profiles, 1)[0],
            "level": pick(levels, 1)[0],
            "source": pick(sources, 1)[0],
        }
    for irritant_id in irritants:
        files[f"usecases/irritants/{irritant_id}"] = {
            "title": text.title(34),
            "quote": text.text(127),
            "description": text.text(300),
            "category": pick(categories, 1)[0],
            "cost": {
                "minutes_per_week": str(text.rng.randint(15, 240)),
                "note": text.text(58),
                "estimate": {"by": text.title(24), "method": text.text(70)},
            },
            "obstacles": pick(obstacles, 3),
            "facts": [
                {"text": text.text(131), "source": pick(sources, 1)[0], "passage": f"« {text.text(40)} »"}
                for _ in range(2)
            ],
        }
    for trade_id in trades:
        files[f"usecases/trades/{trade_id}"] = {
            "name": text.title(18),
            "sector": f"Secteur {text.rng.randint(1, 12)}",
            "description": text.text(136),
            "context": {
                "metier": text.title(19),
                "structure": text.text(51),
                "clients": text.text(72),
                "documents": text.text(125),
                "vocabulaire": text.text(107),
                "ton": text.text(37),
            },
            "irritants": pick(irritants, IRRITANTS_PER_TRADE),
            "facts": [{"text": text.text(133), "source": pick(sources, 1)[0], "passage": f"« {text.text(40)} »"}],
        }
    for index, prompt_id in enumerate(prompts):
        # Every irritant has its own prompt; one prompt in four also solves a second irritant.
        solved = [irritants[index]] + ([irritants[(index + 1) % len(irritants)]] if index % 4 == 0 else [])
        files[f"usecases/prompts/{prompt_id}"] = _prompt(text, solved, roles, levels, sources)
    for persona_id in personas:
        trade = pick(trades, 1)[0]
        files[f"personas/people/{persona_id}"] = {
            "name": text.title(47),
            "profile": pick(profiles, 1)[0],
            "role": pick(roles, 1)[0],
            "level": pick(levels, 1)[0],
            "trade": trade,
            "starts_with": files[f"usecases/trades/{trade}"]["irritants"][:1],
            "obstacles": pick(obstacles, 2),
            "needs": text.items(3, 56),
            "story": text.text(382),
            "source": pick(sources, 1)[0],
        }

    for name, data in files.items():
        path = folder / f"{name}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    _write_site_files(folder)
    return folder / "mkdocs.yml"


def _prompt(text: _Text, solved: list[str], roles: list[str], levels: list[str], sources: list[str]) -> dict:
    own = {"detail": "long_text", "date_limite": "date"}
    body = (
        f"Je suis {{metier}} et mes clients sont {{clients}}. Ton : {{ton}}.\n\n{text.text(600)}\n\n"
        f"Le détail : {{detail}}\nÀ rendre avant le {{date_limite}}.\n\n{text.text(700)}"
    )
    variables = {
        name: {"label": text.title(20), "description": text.text(80), "example": text.text(60), "from_trade": "true"}
        for name in ("metier", "clients", "ton")
    }
    variables.update(
        {
            name: {"label": text.title(20), "description": text.text(80), "example": text.text(60), "type": kind}
            for name, kind in own.items()
        }
    )
    return {
        "title": text.title(52),
        "irritants": solved,
        "roles": text.rng.sample(roles, 2),
        "level": text.rng.choice(levels),
        "duration_minutes": str(text.rng.choice((5, 10, 15, 20))),
        "text": body,
        "variables": variables,
        "steps": text.items(5, 103),
        "check": text.items(4, 95),
        "personal_data": "true",
        "never_paste": text.items(3, 94),
        "time_saved": {
            "minutes": str(text.rng.randint(5, 60)),
            "per": "usage",
            "estimate": {"by": text.title(24), "method": text.text(70)},
        },
        "facts": [{"text": text.text(153), "source": text.rng.choice(sources), "passage": f"« {text.text(40)} »"}],
        "sheet": {
            "objective": text.text(135),
            "experience": text.text(235),
            "observation": text.text(287),
            "principle": text.text(283),
            "mistakes": text.items(4, 82),
            "quiz": [{"question": text.text(61), "answer": text.text(119)} for _ in range(3)],
            "redo_alone": text.text(314),
        },
    }


HOME = """---
render_macros: true
---

# Guide synthétique

{{ declic.counts.cards }} cas d'usage, {{ declic.counts.sheets }} micro-fiches, {{ declic.counts.paths }} parcours.

Commencez par [les cas d'usage par métier](cas-usage/index.md).
"""


CONTENT = {
    "index.md": HOME,
    "charte.md": "# La charte\n\nRien de confidentiel, rien qui permette de reconnaître une personne.\n",
}


def _write_site_files(folder: Path) -> None:
    """The shipped mkdocs.yml (inherited, so its theme and plugins are measured) with its nav less
    the hand-written pages this guide lacks; the shipped overrides; a home and a charter page."""
    config = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "site_name": "Guide synthétique",
        "docs_dir": "build/docs",
        "site_dir": "site",
        "nav": nav(),
        "extra": {"declic": {**_shipped_config().get("extra", {}).get("declic", {}), "inherit_default_catalog": False}},
    }
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if (ROOT / "overrides").is_dir():
        shutil.copytree(ROOT / "overrides", folder / "overrides")
    for name, text in CONTENT.items():
        (folder / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "content" / name).write_text(text, encoding="utf-8")


def nav() -> list:
    """The shipped nav without the hand-written pages of the default guide that this one lacks."""
    shipped = {path.relative_to(ROOT / "content").as_posix() for path in (ROOT / "content").rglob("*.md")}
    missing = shipped - set(CONTENT)

    def keep(items: list) -> list:
        kept = []
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                value = keep(value)
                if value:
                    kept.append({next(iter(item)): value} if isinstance(item, dict) else value)
            elif value not in missing:
                kept.append(item)
        return kept

    return keep(_shipped_config().get("nav", []))


def _shipped_config() -> dict:
    """The shipped mkdocs.yml, as Déclic reads it."""
    from declic.site.config_file import read_config

    return read_config(ROOT / "mkdocs.yml")[0]


def write_plain_config(folder: Path, docs_dir: Path, site_dir: Path) -> Path:
    """A plain mkdocs-material guide over the same docs folder: no Déclic code, no macros, no
    overrides, only the search plugin; same Markdown extensions and the same navigation."""
    (folder / "no-overrides").mkdir(parents=True, exist_ok=True)  # mkdocs takes no null to unset the inherited one
    config = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "site_name": "Guide synthétique",
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "nav": nav(),
        "theme": {"name": "material", "custom_dir": "no-overrides", "language": "fr"},
        "plugins": [{"search": {"lang": "fr"}}],
        "hooks": [],
        "extra": {},
        "extra_css": [],
        "extra_javascript": [],
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path

"""Plot style: one look for every figure, and a colour-blind-safe colour fixed per voice.

Colours are the Okabe & Ito (2008) palette, safe for the common colour-vision
deficiencies. Each actor group keeps its colour in every figure.
"""

from __future__ import annotations

from cycler import cycler  # matplotlib's own cycler package, without importing matplotlib

#: Display order of the voices compared throughout the package.
GROUP_ORDER: tuple[str, ...] = (
    "administration", "local_officials", "advocates", "other", "press", "unknown",
)

#: Okabe-Ito colours, fixed per group.
GROUP_COLORS: dict[str, str] = {
    "administration": "#D55E00",   # vermillion
    "local_officials": "#0072B2",  # blue
    "advocates": "#009E73",        # bluish green
    "other": "#E69F00",            # orange
    "press": "#CC79A7",            # reddish purple
    "unknown": "#999999",          # grey
}

#: Human-readable labels for axis ticks and legends.
GROUP_LABELS: dict[str, str] = {
    "administration": "Administration",
    "local_officials": "Local officials",
    "advocates": "Advocates",
    "other": "Other",
    "press": "Press (narration)",
    "unknown": "Unknown",
}

#: Extra Okabe-Ito colours for categories that are not groups (outlets, frames, labels).
SEQUENCE_COLORS: tuple[str, ...] = (
    "#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
)

STYLE: dict[str, object] = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "legend.frameon": False,
    "svg.hashsalt": "corpus_tools",
    "svg.fonttype": "none",
    "pdf.fonttype": 42,
    "axes.prop_cycle": cycler(color=list(SEQUENCE_COLORS)),
}


def apply_style() -> None:
    """Apply the package's matplotlib style (idempotent; the backend is left alone)."""
    import matplotlib as mpl  # here, so the measures that only need the group order stay light

    mpl.rcParams.update(STYLE)


def group_color(group: str) -> str:
    """Colour of an actor group; unknown names get grey."""
    return GROUP_COLORS.get(group, GROUP_COLORS["unknown"])


def group_label(group: str) -> str:
    """Readable label of an actor group (``local_officials`` -> ``Local officials``)."""
    return GROUP_LABELS.get(group, group.replace("_", " ").capitalize())

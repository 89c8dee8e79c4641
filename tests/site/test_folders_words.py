"""French words of the folder checks: « de le » is always contracted."""

from declic.site.folders import _contracted


def test_inside_a_folder_is_contracted():
    assert _contracted("est à l'intérieur de", "le dossier content/") == "est à l'intérieur du dossier content/"
    assert _contracted("contient", "le dossier content/") == "contient le dossier content/"

window.declicExplorerPart({"part":"fleuriste","cards":[["fleuriste/relancer-factures","Relancer les factures impayées · Fleuriste","finance",["manque-de-temps"],["debutant"],10]]});

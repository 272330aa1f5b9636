/** Names of the seeded colleagues and external contacts (invented). */
export const FIRST_NAMES = [
  'Louis', 'Emma', 'Noah', 'Chloé', 'Liam', 'Léa', 'Jacob', 'Olivia', 'William', 'Alice', 'Thomas', 'Florence',
  'Nathan', 'Rosalie', 'Samuel', 'Béatrice', 'Félix', 'Juliette', 'Gabriel', 'Maya', 'Antoine', 'Zoé', 'Mathis', 'Clara',
] as const;

export const LAST_NAMES = [
  'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné', 'Ouellet', 'Pelletier', 'Bélanger',
  'Lévesque', 'Bergeron', 'Leblanc', 'Paquette', 'Girard', 'Simard', 'Boucher', 'Caron', 'Beaulieu', 'Cloutier', 'Dubé', 'Poirier',
] as const;

export const COMPANIES = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wingtip', 'Litware', 'Proseware', 'Adventure Works'] as const;

/** A fictional North American number (555-01xx is reserved for fiction), distinct for indexes below 500. */
export function fictionalNumber(index: number): string {
  const areas = ['514', '438', '450', '418', '613'];
  return `+1${areas[Math.floor(index / 100) % areas.length]}55501${String(index % 100).padStart(2, '0')}`;
}

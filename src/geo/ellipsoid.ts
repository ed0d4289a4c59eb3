/** CGCS2000 datum (domain.md §7): GRS80 ellipsoid. WGS84 differs by < 0.1 mm in b and is accepted as equal. */
export const CGCS2000_A = 6_378_137;
export const CGCS2000_F = 1 / 298.257222101;

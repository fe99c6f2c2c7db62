/**
 * Feature ranking: the columns of a version ranked by how much they tell about a classification label, by Tribuo's
 * information-theoretic selectors (MIM, JMI, CMIM, mRMR) over values {@link dev.gyre.core.rank.Discretisation
 * discretised} by Gyre. Pure Java: the caller reads the columns (data-service from the version's Parquet).
 */
package dev.gyre.core.rank;

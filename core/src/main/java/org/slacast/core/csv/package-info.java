/**
 * Reading and writing CSV: the native ticket and event formats (docs/native-format.md), the rows of any CSV
 * file with their line numbers, and the rejects file that names every row left out and why.
 */
package org.slacast.core.csv;

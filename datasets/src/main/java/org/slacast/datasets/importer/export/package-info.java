/**
 * Reading exports as they come: delimited text in the export's own separator and encoding, Excel workbooks and
 * Parquet files, each as rows with a header and a place (file and line) for the rejects.
 */
package org.slacast.datasets.importer.export;

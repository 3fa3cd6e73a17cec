/** One server script and what it imports, as one ES module for Node 20 and later. */
export function bundle(entry: string, outfile: string): Promise<void>;

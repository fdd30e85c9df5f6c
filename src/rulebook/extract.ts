// PDF → text, one string per page, through unpdf (pdf.js). unpdf 1.7.x: 1.8+ needs Node 22.
import { extractText, getDocumentProxy } from 'unpdf';
import { badRequest } from '../errors.ts';

export async function extractPages(bytes: Uint8Array): Promise<string[]> {
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    throw badRequest('not a PDF file (no %PDF header)');
  }
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    return text;
  } finally {
    await pdf.destroy();
  }
}

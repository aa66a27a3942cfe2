// zod/mini ships no error texts (every issue would read "Invalid input"); classic zod loads the
// English ones itself. Imported by the extension's schema modules, so the issues they log or throw
// read as they did. The webview does not import it: it never shows a zod message.
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

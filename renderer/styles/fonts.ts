/**
 * The faces the app ships with (bundled by Vite; never fetched from the network), Arabic and
 * Latin subsets only. The interface is in Noto Sans Arabic and the name in Noto Kufi Arabic; the
 * reading text in the face the reader picks in the settings: Noto Naskh Arabic (the default),
 * Amiri, Noto Kufi Arabic or Noto Sans Arabic. Each @font-face has its unicode-range, so a face is
 * only loaded once some text uses it.
 */
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/latin-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import '@fontsource/noto-naskh-arabic/latin-700.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-500.css';
import '@fontsource/noto-sans-arabic/arabic-600.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import '@fontsource/noto-kufi-arabic/arabic-400.css';
import '@fontsource/noto-kufi-arabic/latin-400.css';
import '@fontsource/noto-kufi-arabic/arabic-700.css';
import '@fontsource/noto-kufi-arabic/latin-700.css';
import '@fontsource/noto-sans-arabic/latin-400.css';
import '@fontsource/noto-sans-arabic/latin-600.css';
import '@fontsource/noto-sans-arabic/latin-700.css';
import '@fontsource/amiri/arabic-400.css';
import '@fontsource/amiri/latin-400.css';
import '@fontsource/amiri/arabic-700.css';
import '@fontsource/amiri/latin-700.css';

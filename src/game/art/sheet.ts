import { packSheet, type Sheet, SVG_ART, svgDataUri } from './svg';

export interface ArtSheet {
  sheet: Sheet;
  image: HTMLImageElement;
}

let loading: Promise<ArtSheet> | undefined;

/**
 * The decor sheet as a decoded image, started once per page as soon as the game's code
 * arrives, so the browser decodes it while the scenario and the engine load (it used to
 * wait for Phaser's boot scene and its loader: npm run bench, first hall frame).
 */
export function artSheet(): Promise<ArtSheet> {
  loading ??= new Promise<ArtSheet>((resolve, reject) => {
    const sheet = packSheet(SVG_ART);
    const image = new Image(sheet.w, sheet.h);
    const done = () => resolve({ sheet, image });
    image.onerror = () => reject(new Error('The decor images could not be drawn (SVG refused by the browser).'));
    image.src = svgDataUri(sheet.svg);
    // decode() readies the pixels off the main thread where it can; some browsers refuse it for SVG.
    image.decode().then(done, () => (image.complete ? done() : (image.onload = done)));
  });
  return loading;
}

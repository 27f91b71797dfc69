// Phaser as the hall uses it, taken from Phaser's own sources (see src/build/phaser-canvas.ts):
// the game, scenes, Canvas renderer, tweens, timers and five kinds of
// game object. A module imported only for its side effect registers a factory
// (`this.add.text`…) or a scene plugin (`this.tweens`…) with Phaser.

import CONST from 'phaser-src/const.js';
import Game from 'phaser-src/core/Game.js';
import Core from 'phaser-src/core/index.js';
import Container from 'phaser-src/gameobjects/container/Container.js';
import Graphics from 'phaser-src/gameobjects/graphics/Graphics.js';
import Image from 'phaser-src/gameobjects/image/Image.js';
import Rectangle from 'phaser-src/gameobjects/shape/rectangle/Rectangle.js';
import Text from 'phaser-src/gameobjects/text/Text.js';
import Scale from 'phaser-src/scale/index.js';
import Scenes from 'phaser-src/scene/index.js';
import Scene from 'phaser-src/scene/Scene.js';
import Time from 'phaser-src/time/index.js';
import Tweens from 'phaser-src/tweens/index.js';
// Core scene plugins: Phaser refuses to boot without them.
import 'phaser-src/events/EventEmitter.js';
import 'phaser-src/cameras/2d/CameraManager.js';
import 'phaser-src/gameobjects/GameObjectCreator.js';
import 'phaser-src/gameobjects/GameObjectFactory.js';
import 'phaser-src/gameobjects/DisplayList.js';
import 'phaser-src/gameobjects/UpdateList.js';
import 'phaser-src/scene/ScenePlugin.js';
// Default scene plugins the scenes use: this.time, this.tweens, this.data (no loader: the decor is decoded by src/game/art/sheet.ts).
// No input plugin on purpose: the DOM overlay owns the keyboard and pointer (no key is ever captured).
import 'phaser-src/time/Clock.js';
import 'phaser-src/tweens/TweenManager.js';
import 'phaser-src/data/DataManagerPlugin.js';
// Factories: this.add.graphics, image, text, container, rectangle.
import 'phaser-src/gameobjects/graphics/GraphicsFactory.js';
import 'phaser-src/gameobjects/image/ImageFactory.js';
import 'phaser-src/gameobjects/text/TextFactory.js';
import 'phaser-src/gameobjects/container/ContainerFactory.js';
import 'phaser-src/gameobjects/shape/rectangle/RectangleFactory.js';

export const { CANVAS, WEBGL, AUTO, HEADLESS, VERSION } = CONST;
export const GameObjects = { Container, Graphics, Image, Rectangle, Text };
export { Core, Game, Scale, Scene, Scenes, Time, Tweens };

// Motion's animation and layout features, loaded after the first paint (see LazyMotion in App).
import { domMax } from 'motion/react';

export default domMax;

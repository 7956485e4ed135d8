import { addTexts } from "../i18n/lazy";
import messages from "./i18n";

addTexts("calendar", messages);

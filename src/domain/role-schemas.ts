import { z } from "zod";
import { ROLES } from "./roles.js";

export const roleSchema = z.enum(ROLES);

export const rolesSchema = z.array(roleSchema).min(1, { error: "field.rolesRequired" }).max(ROLES.length);

import { useQuery } from "@tanstack/react-query";
import type { QualificationList } from "../../domain/qualifications/api";
import { api } from "../api";

export const qualificationsKey = ["qualifications"] as const;

/** The organisation's qualifications, which every member reads to pick goals from. */
export const useQualifications = (enabled = true) =>
  useQuery({ queryKey: qualificationsKey, queryFn: () => api<QualificationList>("/qualifications"), enabled });

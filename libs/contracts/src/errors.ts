/** The body of every API error: one shape, mapped by one filter. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  field?: string;
  requestId?: string;
  details?: { field: string; message: string }[];
}

/* imp-readings-panel.c
 *
 * Copyright 2026 The Impact Mapper developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "imp-readings-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "imp-number.h"
#include "imp-readings-panel.h"
#include "imp-tracking.h"

/* The readings of a goal's or impact's metric in the inspector: a chart
 * (readings, baseline, target, deadline, least-squares trend, forecast;
 * hover names a reading), a form to add or change one, and the list, newest
 * first, each with a remove button. The form's value commits with Enter, or
 * when focus leaves the form with a value typed, so a value left with Tab
 * is never lost; each commit is one undo step. */

/* The list shows the latest readings; a metric with years of daily ones
 * keeps them all in the chart. */
#define MAX_ROWS 50

struct _ImpReadingsPanel
{
  GtkWidget    parent_instance;

  ImpHistory  *history;
  ImpMap      *map;
  ImpNode     *node;      /* the map owns it; NULL once removed */
  GDate        today;

  GtkWidget   *box;
  GtkWidget   *chart_group;
  GtkWidget   *chart;
  GtkWidget   *date_row;
  GtkWidget   *value_row;
  GtkWidget   *note_row;
  GtkWidget   *feedback;
  GtkWidget   *list_group;
  GPtrArray   *rows;      /* the list's rows, to remove on refresh */
  int          editing;   /* index of the reading the form changes; -1: a new one */
  gboolean     committing;
};

G_DEFINE_FINAL_TYPE (ImpReadingsPanel, imp_readings_panel, GTK_TYPE_WIDGET)

static char *
format_value (double value)
{
  ImpNumberFormat format;

  imp_number_format_init_locale (&format);

  return imp_number_to_text (&format, value, 2);
}

static char *
today_text (ImpReadingsPanel *self)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", &self->today);

  return g_strdup (text);
}

/* The chart ------------------------------------------------------------ */

typedef struct
{
  double x0, x1, y0, y1;   /* Julian days and values shown */
  double left, top, width, height;
  double step;             /* between the value axis' labels */
} Frame;

/* The axes' labels: smaller than the text around the chart. */
static PangoLayout *
axis_layout (ImpReadingsPanel *self,
             const char       *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (self->chart, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* A round step for about @n labels over @span: 1, 2 or 5 times a power of ten. */
static double
nice_step (double span,
           int    n)
{
  double raw = span / n, magnitude, f;

  if (!(raw > 0) || !isfinite (raw))
    return 1;
  magnitude = pow (10, floor (log10 (raw)));
  f = raw / magnitude;

  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * magnitude;
}

/* The first label of the value axis at or above the bottom, and how many
 * there are (never more than 12). */
static guint
value_ticks (const Frame *fr,
             double      *first)
{
  guint n = 0;

  *first = ceil (fr->y0 / fr->step) * fr->step;
  for (double v = *first; v <= fr->y1 + fr->step * 1e-9 && n < 12; v += fr->step)
    n++;

  return n;
}

static gboolean
frame_compute (ImpReadingsPanel  *self,
               const ImpForecast *f,
               int                width,
               int                height,
               Frame             *fr)
{
  const ImpMetric *m = self->node != NULL ? self->node->metric : NULL;
  guint n = imp_metric_get_n_readings (m);
  guint32 deadline;

  if (n == 0)
    return FALSE;

  fr->x0 = f->origin;
  fr->x1 = MAX (f->last, fr->x0 + 1);
  deadline = imp_tracking_julian (m->deadline);
  if (deadline != 0 && deadline > fr->x1 && deadline - fr->x0 < 366 * 20)
    fr->x1 = deadline;
  if (f->reach_day != 0 && f->reach_day > fr->x1 && f->reach_day - fr->x0 < 366 * 20)
    fr->x1 = f->reach_day;

  fr->y0 = fr->y1 = imp_metric_get_reading (m, 0)->value;
  for (guint i = 0; i < n; i++)
    {
      double v = imp_metric_get_reading (m, i)->value;

      fr->y0 = MIN (fr->y0, v);
      fr->y1 = MAX (fr->y1, v);
    }
  if (isfinite (m->baseline))
    fr->y0 = MIN (fr->y0, m->baseline), fr->y1 = MAX (fr->y1, m->baseline);
  if (isfinite (m->target))
    fr->y0 = MIN (fr->y0, m->target), fr->y1 = MAX (fr->y1, m->target);
  if (fr->y1 - fr->y0 <= 0)
    fr->y0 -= 1, fr->y1 += 1;
  {
    double pad = (fr->y1 - fr->y0) * 0.08;

    fr->y0 -= pad;
    fr->y1 += pad;
  }

  /* Room on the left for the widest value label, below for the dates. */
  fr->step = nice_step (fr->y1 - fr->y0, 4);
  {
    double first, widest = 0;
    guint n_ticks = value_ticks (fr, &first);

    for (guint i = 0; i < n_ticks; i++)
      {
        g_autofree char *text = format_value (first + i * fr->step);
        g_autoptr(PangoLayout) layout = axis_layout (self, text);
        int w;

        pango_layout_get_pixel_size (layout, &w, NULL);
        widest = MAX (widest, w);
      }
    fr->left = 8 + widest + 6;
  }
  fr->top = 8;
  fr->width = MAX (width - fr->left - 12, 1);
  fr->height = MAX (height - 8 - 22, 1);

  return TRUE;
}

static double
px (const Frame *fr,
    double       day)
{
  return fr->left + (day - fr->x0) / (fr->x1 - fr->x0) * fr->width;
}

static double
py (const Frame *fr,
    double       value)
{
  return fr->top + (1 - (value - fr->y0) / (fr->y1 - fr->y0)) * fr->height;
}

static void
set_rgba (cairo_t       *cr,
          const GdkRGBA *c,
          double         alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  ImpReadingsPanel *self = data;
  const ImpMetric *m = self->node != NULL ? self->node->metric : NULL;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA fg, accent, target, forecast_c;
  static const double dash[] = { 4, 3 };
  ImpForecast f;
  Frame fr;
  guint n;
  guint32 deadline;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gdk_rgba_parse (&accent, dark ? "#78aeed" : "#1c71d8");
  gdk_rgba_parse (&target, dark ? "#8ff0a4" : "#26a269");
  gdk_rgba_parse (&forecast_c, dark ? "#f8e45c" : "#c64600");

  imp_tracking_forecast (m, &self->today, &f);
  if (!frame_compute (self, &f, width, height, &fr))
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (area),
                                                            _("No readings yet"));
      set_rgba (cr, &fg, 0.55);
      cairo_move_to (cr, 12, height / 2.0 - 8);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
      return;
    }
  n = imp_metric_get_n_readings (m);

  /* The value axis: a faint line and a label per step; the date axis: the
   * first day, the last and one between, when they fit. */
  {
    double first;
    guint n_ticks = value_ticks (&fr, &first);
    guint32 days[3] = { (guint32) fr.x0, (guint32) ((fr.x0 + fr.x1) / 2), (guint32) fr.x1 };
    double right_of_last = fr.left - 1;

    cairo_set_line_width (cr, 1);
    for (guint i = 0; i < n_ticks; i++)
      {
        double v = first + i * fr.step;
        g_autofree char *text = format_value (fabs (v) < fr.step * 1e-9 ? 0 : v);
        g_autoptr(PangoLayout) layout = axis_layout (self, text);
        int w, h;

        set_rgba (cr, &fg, 0.1);
        cairo_move_to (cr, fr.left, round (py (&fr, v)) + 0.5);
        cairo_line_to (cr, fr.left + fr.width, round (py (&fr, v)) + 0.5);
        cairo_stroke (cr);
        pango_layout_get_pixel_size (layout, &w, &h);
        set_rgba (cr, &fg, 0.7);
        cairo_move_to (cr, fr.left - 6 - w, py (&fr, v) - h / 2.0);
        pango_cairo_show_layout (cr, layout);
      }
    for (guint i = 0; i < G_N_ELEMENTS (days); i++)
      {
        g_autofree char *text = imp_tracking_format_julian (days[i]);
        g_autoptr(PangoLayout) layout = axis_layout (self, text);
        int w, h;
        double x;

        if (i == 1 && fr.x1 - fr.x0 < 2)
          continue;
        pango_layout_get_pixel_size (layout, &w, &h);
        x = i == 0 ? fr.left : i == 2 ? fr.left + fr.width - w : px (&fr, days[i]) - w / 2.0;
        /* The middle date only where it clears both ends. */
        if (i == 1 && (x < fr.left + w + 12 || x + w > fr.left + fr.width - w - 12))
          continue;
        if (x < right_of_last && i > 0)
          continue;
        set_rgba (cr, &fg, 0.7);
        cairo_move_to (cr, x, fr.top + fr.height + 4);
        pango_cairo_show_layout (cr, layout);
        right_of_last = x + w;
      }
  }

  cairo_set_line_width (cr, 1.5);

  if (isfinite (m->baseline))
    {
      set_rgba (cr, &fg, 0.35);
      cairo_move_to (cr, fr.left, py (&fr, m->baseline));
      cairo_line_to (cr, fr.left + fr.width, py (&fr, m->baseline));
      cairo_stroke (cr);
    }
  if (isfinite (m->target))
    {
      set_rgba (cr, &target, 1);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, fr.left, py (&fr, m->target));
      cairo_line_to (cr, fr.left + fr.width, py (&fr, m->target));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  deadline = imp_tracking_julian (m->deadline);
  if (deadline != 0 && deadline >= fr.x0 && deadline <= fr.x1)
    {
      set_rgba (cr, &fg, 0.5);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, px (&fr, deadline), fr.top);
      cairo_line_to (cr, px (&fr, deadline), fr.top + fr.height);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* The least-squares trend over the readings, then the forecast from the
   * latest reading at that pace. */
  if (f.has_pace)
    {
      double end = f.reach_day != 0 ? f.reach_day : deadline != 0 ? deadline : f.last;

      set_rgba (cr, &fg, 0.45);
      cairo_move_to (cr, px (&fr, f.origin), py (&fr, f.intercept));
      cairo_line_to (cr, px (&fr, f.last),
                     py (&fr, f.intercept + f.slope * ((double) f.last - f.origin)));
      cairo_stroke (cr);
      if (end > f.last && end <= fr.x1)
        {
          set_rgba (cr, &forecast_c, 1);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, px (&fr, f.last), py (&fr, m->current));
          cairo_line_to (cr, px (&fr, end),
                         py (&fr, m->current + f.slope * (end - f.last)));
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
    }

  set_rgba (cr, &accent, 1);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < n; i++)
    {
      const ImpReading *r = imp_metric_get_reading (m, i);
      double x = px (&fr, imp_tracking_julian (r->date)), y = py (&fr, r->value);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  if (n <= 200)
    for (guint i = 0; i < n; i++)
      {
        const ImpReading *r = imp_metric_get_reading (m, i);

        cairo_arc (cr, px (&fr, imp_tracking_julian (r->date)), py (&fr, r->value), 3, 0, 2 * G_PI);
        cairo_fill (cr);
      }
}

static gboolean
chart_query_tooltip_cb (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        gpointer    data)
{
  ImpReadingsPanel *self = data;
  const ImpMetric *m = self->node != NULL ? self->node->metric : NULL;
  const ImpReading *best = NULL;
  double best_d = 12 * 12;
  ImpForecast f;
  Frame fr;

  imp_tracking_forecast (m, &self->today, &f);
  if (!frame_compute (self, &f, gtk_widget_get_width (widget), gtk_widget_get_height (widget), &fr))
    return FALSE;

  for (guint i = 0; i < imp_metric_get_n_readings (m); i++)
    {
      const ImpReading *r = imp_metric_get_reading (m, i);
      double dx = px (&fr, imp_tracking_julian (r->date)) - x, dy = py (&fr, r->value) - y;

      if (dx * dx + dy * dy <= best_d)
        {
          best_d = dx * dx + dy * dy;
          best = r;
        }
    }
  if (best == NULL)
    return FALSE;

  {
    g_autofree char *value = format_value (best->value);
    g_autofree char *text = NULL;

    if (best->note != NULL)
      /* Translators: a reading under the pointer: value, date, note */
      text = g_strdup_printf (_("%s on %s: %s"), value, best->date, best->note);
    else
      text = g_strdup_printf (_("%s on %s"), value, best->date);
    gtk_tooltip_set_text (tooltip, text);
  }

  return TRUE;
}

/**
 * imp_readings_panel_get_reading_point:
 * @index: a reading of the metric shown
 * @x: (out): where the chart draws it, in the chart's coordinates
 * @y: (out): likewise
 *
 * Returns: whether the chart shows that reading
 */
gboolean
imp_readings_panel_get_reading_point (ImpReadingsPanel *self,
                                      guint             index,
                                      double           *x,
                                      double           *y)
{
  const ImpMetric *m;
  const ImpReading *r;
  ImpForecast f;
  Frame fr;

  g_return_val_if_fail (IMP_IS_READINGS_PANEL (self), FALSE);

  m = self->node != NULL ? self->node->metric : NULL;
  if (index >= imp_metric_get_n_readings (m))
    return FALSE;
  imp_tracking_forecast (m, &self->today, &f);
  if (!frame_compute (self, &f, gtk_widget_get_width (self->chart),
                      gtk_widget_get_height (self->chart), &fr))
    return FALSE;
  r = imp_metric_get_reading (m, index);
  *x = px (&fr, imp_tracking_julian (r->date));
  *y = py (&fr, r->value);

  return TRUE;
}

/**
 * imp_readings_panel_get_chart:
 *
 * Returns: (transfer none): the chart, whose tooltip names the reading
 *   under the pointer
 */
GtkWidget *
imp_readings_panel_get_chart (ImpReadingsPanel *self)
{
  g_return_val_if_fail (IMP_IS_READINGS_PANEL (self), NULL);

  return self->chart;
}

/* Refreshing ----------------------------------------------------------- */

static void remove_clicked_cb (GtkButton *button, ImpReadingsPanel *self);
static void edit_clicked_cb (GtkButton *button, ImpReadingsPanel *self);

static void
refresh (ImpReadingsPanel *self)
{
  const ImpMetric *m = self->node != NULL ? self->node->metric : NULL;
  guint n = imp_metric_get_n_readings (m);
  g_autofree char *forecast_text = NULL;
  g_autofree char *description = NULL;
  ImpForecast f;

  if (m == NULL)
    return;

  imp_tracking_forecast (m, &self->today, &f);
  forecast_text = imp_tracking_describe_forecast (m, &f, &self->today);
  description = g_strdup_printf ("%s · %s", imp_tracking_state_name (f.state), forecast_text);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->chart_group), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_queue_draw (self->chart);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->list_group),
                                  g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint k = 0; k < MIN (n, MAX_ROWS); k++)
    {
      guint i = n - 1 - k;
      const ImpReading *r = imp_metric_get_reading (m, i);
      g_autofree char *value = format_value (r->value);
      g_autofree char *subtitle = r->note != NULL ? g_strdup_printf ("%s · %s", r->date, r->note)
                                                  : g_strdup (r->date);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      for (GtkWidget *b = edit; b != NULL; b = b == edit ? remove : NULL)
        {
          gtk_widget_add_css_class (b, "flat");
          gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (b), "imp-index", GUINT_TO_POINTER (i));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), b);
        }
      gtk_widget_set_tooltip_text (edit, _("Edit Reading"));
      gtk_widget_set_tooltip_text (remove, _("Remove Reading"));
      g_signal_connect_object (edit, "clicked", G_CALLBACK (edit_clicked_cb), self, 0);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->list_group), row);
      g_ptr_array_add (self->rows, row);
    }
  if (n > MAX_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u older reading",
                                                            "and %u older readings",
                                                            n - MAX_ROWS), n - MAX_ROWS);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->list_group), row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (self->list_group, n > 0);
}

static void
reset_form (ImpReadingsPanel *self)
{
  g_autofree char *date = today_text (self);

  self->editing = -1;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->value_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), _("Value"));
}

static void
show_error (ImpReadingsPanel *self,
            const char       *message)
{
  gtk_label_set_text (GTK_LABEL (self->feedback), message != NULL ? message : "");
  gtk_widget_set_visible (self->feedback, message != NULL);
}

/* Adds the form's reading, or changes the one being edited. @done: the user
 * pressed Enter, and the form starts a new reading after. */
static void
commit (ImpReadingsPanel *self,
        gboolean          done)
{
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  g_autofree char *value_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->value_row))));
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  g_autoptr(GError) error = NULL;
  ImpNumberFormat format;
  double value;
  gboolean ok;

  if (self->committing || self->node == NULL || self->node->metric == NULL || *value_text == '\0')
    return;

  imp_number_format_init_locale (&format);
  if (!imp_number_parse (&format, value_text, &value) || !isfinite (value))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number"), value_text);

      show_error (self, message);
      return;
    }
  if (*date == '\0')
    {
      g_free (date);
      date = today_text (self);
    }

  self->committing = TRUE;
  if (self->editing >= 0 &&
      (guint) self->editing < imp_metric_get_n_readings (self->node->metric))
    {
      const ImpReading *r = imp_metric_get_reading (self->node->metric, self->editing);

      ok = TRUE;
      if (g_strcmp0 (r->date, date) != 0 || r->value != value ||
          g_strcmp0 (r->note != NULL ? r->note : "", note) != 0)
        ok = imp_history_set_reading (self->history, self->node, self->editing, date, value,
                                      *note ? note : NULL, &error);
    }
  else
    ok = imp_history_add_reading (self->history, self->node, date, value, *note ? note : NULL,
                                  &error);
  self->committing = FALSE;

  if (!ok)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);

  if (done)
    {
      reset_form (self);
      return;
    }

  /* Keep editing what was just written, so a note typed after the value
   * goes with it. */
  for (guint i = imp_metric_get_n_readings (self->node->metric); i > 0; i--)
    {
      const ImpReading *r = imp_metric_get_reading (self->node->metric, i - 1);

      if (g_str_equal (r->date, date) && r->value == value)
        {
          self->editing = i - 1;
          break;
        }
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), _("Value (editing)"));
}

static void
activated_cb (AdwEntryRow      *row,
              ImpReadingsPanel *self)
{
  commit (self, TRUE);
}

static void
form_leave_cb (GtkEventControllerFocus *controller,
               ImpReadingsPanel        *self)
{
  commit (self, FALSE);
}

static void
remove_clicked_cb (GtkButton        *button,
                   ImpReadingsPanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "imp-index"));

  if (self->node == NULL || index >= imp_metric_get_n_readings (self->node->metric))
    return;
  if (self->editing == (int) index)
    reset_form (self);
  else if (self->editing > (int) index)
    self->editing--;
  imp_history_remove_reading (self->history, self->node, index);
}

static void
edit_clicked_cb (GtkButton        *button,
                 ImpReadingsPanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "imp-index"));
  const ImpReading *r;
  g_autofree char *value = NULL;

  if (self->node == NULL || index >= imp_metric_get_n_readings (self->node->metric))
    return;
  r = imp_metric_get_reading (self->node->metric, index);
  value = format_value (r->value);
  self->editing = index;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), r->date);
  gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), r->note != NULL ? r->note : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), _("Value (editing)"));
  gtk_widget_grab_focus (self->value_row);
}

static void
map_changed_cb (ImpReadingsPanel *self,
                ImpChangeKind     kind,
                gpointer          object,
                ImpMap           *map)
{
  if (kind == IMP_CHANGE_NODE_REMOVED && object == self->node)
    self->node = NULL;
  else if ((kind == IMP_CHANGE_NODE_PAYLOAD && object == self->node) ||
           kind == IMP_CHANGE_EVERYTHING)
    refresh (self);
}

/* Building ------------------------------------------------------------- */

static GtkWidget *
form_row (ImpReadingsPanel *self,
          GtkWidget        *group,
          const char       *title)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (activated_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (form_leave_cb), self, 0);
  gtk_widget_add_controller (row, focus);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return row;
}

/**
 * imp_readings_panel_new:
 * @history: the history edits go through
 * @node: a goal or impact with a metric
 * @today: the day a new reading is dated and the state judged
 *
 * Returns: (transfer floating): the panel
 */
GtkWidget *
imp_readings_panel_new (ImpHistory  *history,
                        ImpNode     *node,
                        const GDate *today)
{
  ImpReadingsPanel *self;
  GtkWidget *group, *frame;

  g_return_val_if_fail (IMP_IS_HISTORY (history), NULL);
  g_return_val_if_fail (node != NULL && node->metric != NULL, NULL);

  self = g_object_new (IMP_TYPE_READINGS_PANEL, NULL);
  self->history = g_object_ref (history);
  self->map = g_object_ref (imp_history_get_map (history));
  self->node = node;
  self->today = *today;
  g_signal_connect_object (self->map, "changed", G_CALLBACK (map_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->chart_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->chart_group), _("Readings"));
  gtk_box_append (GTK_BOX (self->box), self->chart_group);
  self->chart = gtk_drawing_area_new ();
  gtk_widget_set_name (self->chart, "readings-chart");
  /* Its readings are listed as rows below it too; the chart is a picture. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Readings"), -1);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->chart), 160);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_chart, self, NULL);
  gtk_widget_set_has_tooltip (self->chart, TRUE);
  g_signal_connect_object (self->chart, "query-tooltip", G_CALLBACK (chart_query_tooltip_cb),
                           self, 0);
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "card");
  gtk_frame_set_child (GTK_FRAME (frame), self->chart);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->chart_group), frame);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Add a Reading"));
  gtk_box_append (GTK_BOX (self->box), group);
  self->date_row = form_row (self, group, _("Date (YYYY-MM-DD)"));
  self->value_row = form_row (self, group, _("Value"));
  self->note_row = form_row (self, group, _("Note"));
  self->feedback = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->feedback), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->feedback), 0);
  gtk_widget_add_css_class (self->feedback, "error");
  gtk_widget_add_css_class (self->feedback, "caption");
  gtk_widget_set_visible (self->feedback, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->feedback);

  self->list_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->list_group), _("Check-ins"));
  gtk_box_append (GTK_BOX (self->box), self->list_group);

  reset_form (self);
  refresh (self);

  return GTK_WIDGET (self);
}

static void
imp_readings_panel_dispose (GObject *object)
{
  ImpReadingsPanel *self = IMP_READINGS_PANEL (object);

  /* Torn down with the page: nothing to commit any more. */
  self->node = NULL;
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->history);
  g_clear_object (&self->map);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (imp_readings_panel_parent_class)->dispose (object);
}

static void
imp_readings_panel_class_init (ImpReadingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = imp_readings_panel_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* A container: GTK 4.8 would name it after its type otherwise. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
imp_readings_panel_init (ImpReadingsPanel *self)
{
  self->editing = -1;
  self->rows = g_ptr_array_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

/* Delivery ------------------------------------------------------------- */

/* A deliverable's delivery status: a choice, and the day it shipped. The
 * group follows the model (undo, the command line's file reloaded) and
 * writes through the history, one step each. */

static ImpNode *
delivery_node (GtkWidget *group)
{
  return g_object_get_data (G_OBJECT (group), "imp-node");
}

static void
delivery_sync (GtkWidget *group)
{
  ImpNode *node = delivery_node (group);
  GtkWidget *combo = g_object_get_data (G_OBJECT (group), "imp-combo");
  GtkWidget *date = g_object_get_data (G_OBJECT (group), "imp-date");

  if (node == NULL)
    return;

  g_object_set_data (G_OBJECT (group), "imp-syncing", GINT_TO_POINTER (TRUE));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), node->delivery.status);
  gtk_editable_set_text (GTK_EDITABLE (date), node->delivery.shipped);
  gtk_widget_set_visible (date, node->delivery.status == IMP_DELIVERY_SHIPPED);
  g_object_set_data (G_OBJECT (group), "imp-syncing", NULL);
}

static void
delivery_set (GtkWidget         *group,
              ImpDeliveryStatus  status,
              const char        *shipped)
{
  ImpHistory *history = g_object_get_data (G_OBJECT (group), "imp-history");
  GtkWidget *feedback = g_object_get_data (G_OBJECT (group), "imp-feedback");
  ImpNode *node = delivery_node (group);
  ImpDelivery delivery = { status, "" };
  g_autoptr(GError) error = NULL;

  if (node == NULL || g_object_get_data (G_OBJECT (group), "imp-syncing") != NULL)
    return;
  if (status == IMP_DELIVERY_SHIPPED && shipped != NULL)
    g_strlcpy (delivery.shipped, shipped, sizeof delivery.shipped);

  if (!imp_history_set_node_delivery (history, node, &delivery, &error))
    {
      gtk_label_set_text (GTK_LABEL (feedback), error->message);
      gtk_widget_set_visible (feedback, TRUE);
      return;
    }
  gtk_widget_set_visible (feedback, FALSE);
  delivery_sync (group);
}

static void
delivery_status_cb (AdwComboRow *combo,
                    GParamSpec  *pspec,
                    GtkWidget   *group)
{
  ImpDeliveryStatus status = adw_combo_row_get_selected (combo);
  ImpNode *node = delivery_node (group);
  char today[16];

  if (node == NULL || status == node->delivery.status)
    return;

  /* Shipped today, unless the day is changed below. */
  g_date_strftime (today, sizeof today, "%Y-%m-%d",
                   (GDate *) g_object_get_data (G_OBJECT (group), "imp-today"));
  delivery_set (group, status, node->delivery.shipped[0] ? node->delivery.shipped : today);
}

static void
delivery_date_cb (AdwEntryRow *row,
                  GtkWidget   *group)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  delivery_set (group, IMP_DELIVERY_SHIPPED, text);
}

static void
delivery_map_changed_cb (ImpMap        *map,
                         ImpChangeKind  kind,
                         gpointer       object,
                         GtkWidget     *group)
{
  if (kind == IMP_CHANGE_NODE_REMOVED && object == delivery_node (group))
    g_object_set_data (G_OBJECT (group), "imp-node", NULL);
  else if (kind == IMP_CHANGE_NODE_PAYLOAD && object == delivery_node (group))
    delivery_sync (group);
}

/**
 * imp_delivery_group_new:
 * @history: the history edits go through
 * @node: a deliverable
 * @today: the day a status changed to shipped is dated
 * @feedback: a label under the group that explains a refused date
 *
 * Returns: (transfer floating): a group with the delivery status and the
 *   day it shipped
 */
GtkWidget *
imp_delivery_group_new (ImpHistory  *history,
                        ImpNode     *node,
                        const GDate *today,
                        GtkWidget   *feedback)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *combo = adw_combo_row_new ();
  GtkWidget *date = adw_entry_row_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GDate *day = g_new (GDate, 1);

  for (guint i = IMP_DELIVERY_NONE; i <= IMP_DELIVERY_DROPPED; i++)
    gtk_string_list_append (names, imp_delivery_status_display_name (i));

  *day = *today;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Delivery"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (names));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (date), _("Shipped on (YYYY-MM-DD)"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (date), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), combo);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), date);

  g_object_set_data_full (G_OBJECT (group), "imp-history", g_object_ref (history), g_object_unref);
  g_object_set_data (G_OBJECT (group), "imp-node", node);
  g_object_set_data (G_OBJECT (group), "imp-combo", combo);
  g_object_set_data (G_OBJECT (group), "imp-date", date);
  g_object_set_data_full (G_OBJECT (group), "imp-today", day, g_free);
  g_object_set_data (G_OBJECT (group), "imp-feedback", feedback);
  delivery_sync (group);

  g_signal_connect_object (combo, "notify::selected", G_CALLBACK (delivery_status_cb), group, 0);
  g_signal_connect_object (date, "apply", G_CALLBACK (delivery_date_cb), group, 0);
  g_signal_connect_object (date, "entry-activated", G_CALLBACK (delivery_date_cb), group, 0);
  g_signal_connect_object (imp_history_get_map (history), "changed",
                           G_CALLBACK (delivery_map_changed_cb), group, 0);

  return group;
}
